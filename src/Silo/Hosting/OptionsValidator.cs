using Microsoft.Extensions.Options;

namespace Hospital.Silo.Hosting;

/// <summary>Adapts an options class's own <c>Validate()</c> (which throws on a bad value) to start-up validation with a readable failure.</summary>
internal sealed class OptionsValidator<TOptions>(Action<TOptions> validate) : IValidateOptions<TOptions> where TOptions : class
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        try
        {
            validate(options);
            return ValidateOptionsResult.Success;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            return ValidateOptionsResult.Fail($"{typeof(TOptions).Name}: {e.Message}");
        }
    }
}
