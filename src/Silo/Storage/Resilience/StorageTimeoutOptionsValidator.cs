using Microsoft.Extensions.Options;

namespace Hospital.Silo.Storage.Resilience;

/// <summary>
/// Rejects timeouts the driver cannot take at start-up: not whole seconds, or zero, which means "wait forever" to it (a
/// zero cancellation timeout is ours: close at once).
/// </summary>
public sealed class StorageTimeoutOptionsValidator : IValidateOptions<StorageTimeoutOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageTimeoutOptions options)
    {
        var failures = new List<string>();
        Check(nameof(options.ConnectTimeout), options.ConnectTimeout, failures);
        Check(nameof(options.CommandTimeout), options.CommandTimeout, failures);
        if (options.CancellationTimeout != TimeSpan.Zero) Check(nameof(options.CancellationTimeout), options.CancellationTimeout, failures);
        Check(nameof(options.BulkCommandTimeout), options.BulkCommandTimeout, failures);
        if (options.BulkCommandTimeout < options.CommandTimeout)
            failures.Add($"{StorageTimeoutOptions.SectionName}:BulkCommandTimeout must be at least CommandTimeout.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(string name, TimeSpan value, List<string> failures)
    {
        if (value < TimeSpan.FromSeconds(1) || value > TimeSpan.FromHours(1) || value.Ticks % TimeSpan.TicksPerSecond != 0)
            failures.Add($"{StorageTimeoutOptions.SectionName}:{name} must be whole seconds between 1 s and 1 h (got {value}).");
    }
}
