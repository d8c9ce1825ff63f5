using System.Collections.Concurrent;
using System.Diagnostics;

namespace Hospital.LoadTests.Reporting;

/// <summary>
/// Every request of a run, recorded by many virtual users at once. It also enforces the request cap, so no loop can
/// send more than the run allows: a caller asks <see cref="TryReserve"/> before each request.
/// </summary>
public sealed class RequestLog(int requestCap)
{
    private readonly ConcurrentQueue<RequestSample> _samples = new();
    private int _reserved;

    public int RequestCap { get; } = requestCap;

    /// <summary>Takes one request from the cap; false once the cap is spent.</summary>
    public bool TryReserve() => Interlocked.Increment(ref _reserved) <= RequestCap;

    /// <summary>Records one request; <paramref name="status"/> 0 means no answer came (a broken connection or a time-out).</summary>
    public void Record(string kind, long startedAt, Outcome outcome, string? code, int status) =>
        _samples.Enqueue(new RequestSample(kind, startedAt, Stopwatch.GetTimestamp() - startedAt, outcome, code, status));

    /// <summary>The samples recorded so far whose kind is one of <paramref name="kinds"/>.</summary>
    public IReadOnlyList<RequestSample> Of(params string[] kinds) => [.. _samples.Where(s => kinds.Contains(s.Kind))];
}
