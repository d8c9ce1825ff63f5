namespace Hospital.LoadTests.Scenarios;

/// <summary>
/// How a client retries one request with the same Idempotency-Key. Every policy waits out a 503's Retry-After (and an
/// early "not released" until its opensAt). <c>UnansweredPause</c>: when set, a request that got no answer (a broken
/// connection, a time-out) or a 5xx without Retry-After is sent again after that pause, as a phone app does when its
/// network or the server fails; the answer it never saw may have been a success, which the same key finds.
/// <c>SettleWait</c>: how long a patient who paid at the gateway's cashier waits for our API to say Booked (or that the
/// payment failed) before it stops looking.
/// </summary>
public sealed record RetryPolicy(int MaxAttempts, TimeSpan? UnansweredPause, TimeSpan SettleWait)
{
    /// <summary>Load runs: ten attempts, a request without an answer is an error, not retried; half a minute for a payment to settle.</summary>
    public static readonly RetryPolicy WellBehaved = new(10, null, TimeSpan.FromSeconds(30));

    /// <summary>
    /// Fault runs: a client that keeps trying through a crash or an outage, each attempt half a second apart at least; it waits
    /// two minutes for a payment to settle, as the gateway's notification is retried (1, 2, 4, ... s) and the payment sweep asks after it.
    /// </summary>
    public static readonly RetryPolicy ThroughFaults = new(60, TimeSpan.FromMilliseconds(500), TimeSpan.FromMinutes(2));
}
