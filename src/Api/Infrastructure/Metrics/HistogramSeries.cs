namespace Hospital.Api.Infrastructure.Metrics;

/// <summary>One labelled histogram: a count per bucket (not cumulative; made cumulative when written) and the sum.</summary>
internal sealed class HistogramSeries
{
    // One slot per upper bound plus the last one for values above every bound (+Inf).
    private readonly long[] _bucketCounts = new long[HistogramBuckets.UpperBoundsMs.Length + 1];
    private double _sum;

    public double Sum => Volatile.Read(ref _sum);

    public void Record(double value)
    {
        var bucket = 0;
        while (bucket < HistogramBuckets.UpperBoundsMs.Length && value > HistogramBuckets.UpperBoundsMs[bucket])
        {
            bucket++;
        }
        Interlocked.Increment(ref _bucketCounts[bucket]);
        AtomicDouble.Add(ref _sum, value);
    }

    /// <summary>Cumulative counts per bound, the last being +Inf, which is also the total count.</summary>
    public long[] CumulativeCounts()
    {
        var cumulative = new long[_bucketCounts.Length];
        long running = 0;
        for (var i = 0; i < _bucketCounts.Length; i++)
        {
            running += Interlocked.Read(ref _bucketCounts[i]);
            cumulative[i] = running;
        }
        return cumulative;
    }
}
