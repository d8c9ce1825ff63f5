using System.Diagnostics;

namespace Hospital.LoadTests.Runtime;

/// <summary>Throughput and latency percentiles of one measured run.</summary>
internal sealed record Measurement(double CallsPerSecond, double P50Microseconds, double P99Microseconds)
{
    public static Measurement From(long calls, TimeSpan elapsed, long[] latencyTicks)
    {
        Array.Sort(latencyTicks);
        return new Measurement(calls / elapsed.TotalSeconds, Percentile(latencyTicks, 0.50), Percentile(latencyTicks, 0.99));
    }

    public static Measurement Median(IReadOnlyList<Measurement> runs) => new(
        MedianOf(runs.Select(run => run.CallsPerSecond)),
        MedianOf(runs.Select(run => run.P50Microseconds)),
        MedianOf(runs.Select(run => run.P99Microseconds)));

    private static double Percentile(long[] sortedTicks, double fraction) =>
        sortedTicks[(int)Math.Min(sortedTicks.Length - 1, fraction * sortedTicks.Length)] * 1_000_000.0 / Stopwatch.Frequency;

    private static double MedianOf(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }
}
