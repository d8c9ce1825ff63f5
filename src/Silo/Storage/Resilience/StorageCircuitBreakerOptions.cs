namespace Hospital.Silo.Storage.Resilience;

/// <summary>
/// When the node stops sending work to a failing database and answers 503 at once instead; bound from
/// "Storage:CircuitBreaker" and validated on start (<see cref="StorageCircuitBreakerOptionsValidator"/>). Without it every
/// request of an outage waits its full timeout, holding a connection and a caller for nothing.
/// </summary>
public sealed class StorageCircuitBreakerOptions
{
    public const string SectionName = "Storage:CircuitBreaker";

    /// <summary>Share of failed database operations within <see cref="SamplingDuration"/> that opens the circuit. Default: 0.5.</summary>
    public double FailureRatio { get; set; } = 0.5;

    /// <summary>Operations needed within <see cref="SamplingDuration"/> before the ratio counts, so one failure never opens it. Default: 4.</summary>
    public int MinimumThroughput { get; set; } = 4;

    /// <summary>The window failures are counted in. Default: 10 s.</summary>
    public TimeSpan SamplingDuration { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long an open circuit refuses operations (and the Retry-After callers are given); then one operation probes the
    /// database, and its success closes the circuit. Default: 3 s.
    /// </summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(3);
}
