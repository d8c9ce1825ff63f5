namespace Hospital.LoadTests.Scenarios;

/// <summary>
/// How a client retries one request with the same Idempotency-Key. Every policy waits out a 503's Retry-After (and an
/// early "not released" until its opensAt). <c>UnansweredPause</c>: when set, a request that got no answer (a broken
/// connection, a time-out) or a 5xx without Retry-After is sent again after that pause, as a phone app does when its
/// network or the server fails; the answer it never saw may have been a success, which the same key finds.
/// </summary>
public sealed record RetryPolicy(int MaxAttempts, TimeSpan? UnansweredPause)
{
    /// <summary>Load runs: ten attempts, and a request without an answer is an error, not retried.</summary>
    public static readonly RetryPolicy WellBehaved = new(10, null);

    /// <summary>Fault runs: a client that keeps trying through a crash or an outage, each attempt half a second apart at least.</summary>
    public static readonly RetryPolicy ThroughFaults = new(60, TimeSpan.FromMilliseconds(500));
}
