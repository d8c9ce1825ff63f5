using Microsoft.Extensions.Options;

namespace Hospital.Silo.Storage;

/// <summary>Rejects storage settings the silo cannot start with, so a typo fails at start-up instead of at the first booking.</summary>
public sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        if (!Enum.IsDefined(options.Provider))
        {
            return ValidateOptionsResult.Fail(
                $"{StorageOptions.SectionName}:Provider '{options.Provider}' is unknown; use Sqlite or MySql.");
        }

        if (options.Provider == StorageProvider.MySql && string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return ValidateOptionsResult.Fail(
                $"{StorageOptions.SectionName}:ConnectionString is required when {StorageOptions.SectionName}:Provider is MySql.");
        }

        return ValidateOptionsResult.Success;
    }
}
