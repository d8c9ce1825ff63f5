using Microsoft.Extensions.Options;

namespace Hospital.Api.Infrastructure.Options;

/// <summary>Refuses to start with HTTP settings out of range, each failure naming its setting and what to write.</summary>
internal sealed class ApiOptionsValidator : IValidateOptions<ApiOptions>
{
    public ValidateOptionsResult Validate(string? name, ApiOptions options)
    {
        var failures = new List<string>();
        if (options.TimeoutRetryAfterSeconds is < 1 or > 300)
            failures.Add("Api:TimeoutRetryAfterSeconds must be 1 to 300.");
        if (options.MaxRequestBodyBytes is < 1_024 or > 30_000_000)
            failures.Add("Api:MaxRequestBodyBytes must be 1,024 to 30,000,000.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
