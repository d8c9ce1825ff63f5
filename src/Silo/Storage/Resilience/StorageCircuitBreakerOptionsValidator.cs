using Microsoft.Extensions.Options;

namespace Hospital.Silo.Storage.Resilience;

/// <summary>Rejects breaker settings Polly refuses (or that make no sense) at start-up rather than at the first outage.</summary>
public sealed class StorageCircuitBreakerOptionsValidator : IValidateOptions<StorageCircuitBreakerOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageCircuitBreakerOptions options)
    {
        var section = StorageCircuitBreakerOptions.SectionName;
        var failures = new List<string>();
        if (options.FailureRatio is not (> 0 and <= 1)) failures.Add($"{section}:FailureRatio must be above 0 and at most 1 (got {options.FailureRatio}).");
        if (options.MinimumThroughput < 2) failures.Add($"{section}:MinimumThroughput must be at least 2 (got {options.MinimumThroughput}).");
        if (options.SamplingDuration < TimeSpan.FromMilliseconds(500) || options.SamplingDuration > TimeSpan.FromDays(1))
            failures.Add($"{section}:SamplingDuration must be between 0.5 s and 1 day (got {options.SamplingDuration}).");
        if (options.BreakDuration < TimeSpan.FromMilliseconds(500) || options.BreakDuration > TimeSpan.FromDays(1))
            failures.Add($"{section}:BreakDuration must be between 0.5 s and 1 day (got {options.BreakDuration}).");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
