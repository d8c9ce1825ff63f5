namespace Hospital.LoadTests.Reporting;

/// <summary>Counts and timing of one phase's samples: the part of a <see cref="RunSummary"/> that comes from the request log.</summary>
public sealed record RunTotals(int Requests, int Success, int SoldOut, int NotReleased, int Overloaded, int Rejected, int Errors,
    double Seconds, double Throughput, LatencySummary Latency)
{
    /// <summary>Totals over <paramref name="samples"/>, timed from <paramref name="from"/> (Stopwatch timestamp) to the last answer.</summary>
    public static RunTotals From(IReadOnlyList<RequestSample> samples, long from)
    {
        int Count(Outcome outcome) => samples.Count(s => s.Outcome == outcome);
        var end = samples.Count == 0 ? from : samples.Max(s => s.StartedAt + s.ElapsedTicks);
        var seconds = Math.Max((end - from) / (double)System.Diagnostics.Stopwatch.Frequency, 1e-6);
        return new RunTotals(samples.Count, Count(Outcome.Success), Count(Outcome.SoldOut), Count(Outcome.NotReleased),
            Count(Outcome.Overloaded), Count(Outcome.Rejected), Count(Outcome.Error), Math.Round(seconds, 3),
            Math.Round(samples.Count / seconds, 1), LatencySummary.From(samples));
    }
}
