namespace Hospital.LoadTests.Reporting;

/// <summary>
/// Count, successes and latency of one kind of request (hold, pay, ...), to show where a run's time went, and the
/// unexpected answers (other refusals and errors) by problem code or exception, to show what went wrong.
/// <c>Unexpected</c> is null in results files written before it was counted. With a T0 (a burst), <c>Span</c> says when the
/// kind's first request started and its last answer came, in ms after T0: which part of the burst each kind took.
/// </summary>
public sealed record KindFigures(string Kind, int Requests, int Success, LatencySummary Latency, IReadOnlyDictionary<string, int>? Unexpected,
    MsAfterT0? Span = null)
{
    public static IReadOnlyList<KindFigures> Of(IReadOnlyList<RequestSample> samples, long? t0 = null) =>
        [.. samples.GroupBy(s => s.Kind).Select(g => new KindFigures(g.Key, g.Count(), g.Count(s => s.Outcome == Outcome.Success), LatencySummary.From([.. g]),
            g.Where(s => s.Outcome is Outcome.Rejected or Outcome.Error).GroupBy(s => s.Code ?? "no code").ToDictionary(c => c.Key, c => c.Count()),
            t0 is { } from ? MsAfterT0.Of([.. g], from) : null))];
}

/// <summary>From the first request's start to the last answer, in ms after T0.</summary>
public sealed record MsAfterT0(double From, double Until)
{
    public static MsAfterT0 Of(IReadOnlyList<RequestSample> samples, long t0) =>
        new(Ms(samples.Min(s => s.StartedAt) - t0), Ms(samples.Max(s => s.StartedAt + s.ElapsedTicks) - t0));

    private static double Ms(long ticks) => Math.Round(ticks * 1000.0 / System.Diagnostics.Stopwatch.Frequency, 1);
}
