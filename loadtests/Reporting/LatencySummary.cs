using System.Diagnostics;

namespace Hospital.LoadTests.Reporting;

/// <summary>Latency percentiles in milliseconds (nearest-rank), computed from recorded samples.</summary>
public sealed record LatencySummary(double P50, double P95, double P99, double Max)
{
    public static LatencySummary From(IReadOnlyList<RequestSample> samples)
    {
        if (samples.Count == 0) return new LatencySummary(0, 0, 0, 0);
        var sorted = samples.Select(s => s.ElapsedTicks * 1000.0 / Stopwatch.Frequency).Order().ToArray();
        return new LatencySummary(Rank(sorted, 0.50), Rank(sorted, 0.95), Rank(sorted, 0.99), Math.Round(sorted[^1], 2));
    }

    private static double Rank(double[] sorted, double quantile) =>
        Math.Round(sorted[Math.Clamp((int)Math.Ceiling(quantile * sorted.Length) - 1, 0, sorted.Length - 1)], 2);
}
