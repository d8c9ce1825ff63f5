namespace Hospital.LoadTests.Reporting;

/// <summary>
/// Count, successes and latency of one kind of request (hold, pay, ...), to show where a run's time went, and the
/// unexpected answers (other refusals and errors) by problem code or exception, to show what went wrong.
/// <c>Unexpected</c> is null in results files written before it was counted.
/// </summary>
public sealed record KindFigures(string Kind, int Requests, int Success, LatencySummary Latency, IReadOnlyDictionary<string, int>? Unexpected)
{
    public static IReadOnlyList<KindFigures> Of(IReadOnlyList<RequestSample> samples) =>
        [.. samples.GroupBy(s => s.Kind).Select(g => new KindFigures(g.Key, g.Count(), g.Count(s => s.Outcome == Outcome.Success), LatencySummary.From([.. g]),
            g.Where(s => s.Outcome is Outcome.Rejected or Outcome.Error).GroupBy(s => s.Code ?? "no code").ToDictionary(c => c.Key, c => c.Count())))];
}
