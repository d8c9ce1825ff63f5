using System.Data.Common;
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

        return IsWellFormed(options.EffectiveConnectionString)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"{StorageOptions.SectionName}:ConnectionString is not a list of key=value pairs; write e.g. " +
                "Server=127.0.0.1;Port=3306;Database=hospital;Uid=app;Pwd=...;SslMode=None for MySql, " +
                "or a file path such as data/hospital.db for Sqlite.");
    }

    // Checked here so a malformed value fails start-up with the line above, not with the driver's parser exception.
    private static bool IsWellFormed(string connectionString)
    {
        try
        {
            _ = new DbConnectionStringBuilder { ConnectionString = connectionString };
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
