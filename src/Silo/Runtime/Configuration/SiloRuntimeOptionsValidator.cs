using Microsoft.Extensions.Options;

namespace Hospital.Silo.Runtime.Configuration;

/// <summary>Rejects settings the runtime cannot work with, at start-up rather than at the first call.</summary>
internal sealed class SiloRuntimeOptionsValidator : IValidateOptions<SiloRuntimeOptions>
{
    public ValidateOptionsResult Validate(string? name, SiloRuntimeOptions options)
    {
        List<string> failures = [];
        RequirePositive(options.IdleCollectionAge, nameof(options.IdleCollectionAge), failures);
        RequirePositive(options.CollectionCheckPeriod, nameof(options.CollectionCheckPeriod), failures);
        RequirePositive(options.CallTimeout, nameof(options.CallTimeout), failures);
        // Timeouts are checked every CallTimeout / 10; below 10 ms that sweep would spin.
        if (options.CallTimeout > TimeSpan.Zero && options.CallTimeout < TimeSpan.FromMilliseconds(10)) failures.Add($"{nameof(options.CallTimeout)} must be at least 10 ms.");
        RequirePositive(options.ActivationTimeout, nameof(options.ActivationTimeout), failures);
        RequirePositive(options.DeactivationTimeout, nameof(options.DeactivationTimeout), failures);
        RequirePositive(options.LongTurnWarningThreshold, nameof(options.LongTurnWarningThreshold), failures);
        if (options.OverloadRetryAfter < TimeSpan.Zero) failures.Add($"{nameof(options.OverloadRetryAfter)} must not be negative.");
        if (options.MailboxCapacity < 1) failures.Add($"{nameof(options.MailboxCapacity)} must be at least 1.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    // Timeout.InfiniteTimeSpan is allowed: it switches the limit off.
    private static void RequirePositive(TimeSpan value, string name, List<string> failures)
    {
        if (value <= TimeSpan.Zero && value != Timeout.InfiniteTimeSpan) failures.Add($"{name} must be positive (or infinite).");
    }
}
