namespace Hospital.Api.Infrastructure.Metrics;

/// <summary>
/// Fixed upper bounds, in milliseconds, for every histogram: our histograms measure latencies
/// (grain turns, calls, commits), which span a fraction of a millisecond to seconds.
/// </summary>
internal static class HistogramBuckets
{
    public static readonly double[] UpperBoundsMs = [1, 2.5, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000];
}
