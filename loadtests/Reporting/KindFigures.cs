namespace Hospital.LoadTests.Reporting;

/// <summary>Count, successes and latency of one kind of request (hold, pay, ...), to show where a run's time went.</summary>
public sealed record KindFigures(string Kind, int Requests, int Success, LatencySummary Latency)
{
    public static IReadOnlyList<KindFigures> Of(IReadOnlyList<RequestSample> samples) =>
        [.. samples.GroupBy(s => s.Kind).Select(g => new KindFigures(g.Key, g.Count(), g.Count(s => s.Outcome == Outcome.Success), LatencySummary.From([.. g])))];
}
