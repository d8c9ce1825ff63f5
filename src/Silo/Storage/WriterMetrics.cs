using System.Diagnostics.Metrics;

namespace Hospital.Silo.Storage;

/// <summary>
/// How wide and how long one of the node's writers' transactions are: the length of each transaction (whose count is the
/// number of transactions) and the writes they committed, in total and per transaction. At a release peak an operator
/// reads the width (writes per transaction) to tell a database that keeps up from one that has become the limit. Each
/// writer has its own instruments (<see cref="SlotPools.BatchWriterMetrics"/>, <see cref="SharedWriterMetrics"/>).
/// </summary>
public abstract class WriterMetrics
{
    /// <summary>The meter of the node's own storage figures.</summary>
    public const string Meter = "Hospital.Silo";

    // A transaction takes milliseconds when the database keeps up and up to its command timeout when it does not.
    private static readonly IReadOnlyList<double> DurationBuckets = [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5];
    // One write up to a full transaction: both writers take at most 256.
    private static readonly IReadOnlyList<long> WidthBuckets = [1, 2, 4, 8, 16, 32, 64, 128, 256];

    private readonly Counter<long> _writes;
    private readonly Histogram<long> _width;
    private readonly Histogram<double> _duration;

    /// <param name="meterFactory">The node's (or a test's) meters.</param>
    /// <param name="writes">Counter name: the writes committed.</param>
    /// <param name="width">Histogram name: the writes each committed transaction carried.</param>
    /// <param name="duration">Histogram name: each transaction's length in seconds.</param>
    /// <param name="unit">What one write is, as a metric unit: "{batch}", "{unit}".</param>
    /// <param name="writer">The writer's name in the descriptions.</param>
    protected WriterMetrics(IMeterFactory meterFactory, string writes, string width, string duration, string unit, string writer)
    {
        var meter = meterFactory.Create(Meter);
        _writes = meter.CreateCounter<long>(writes, unit, $"Writes committed by the {writer}.");
        _width = meter.CreateHistogram(width, unit, $"Writes each committed transaction of the {writer} carried.",
            tags: null, new InstrumentAdvice<long> { HistogramBucketBoundaries = WidthBuckets });
        _duration = meter.CreateHistogram(duration, "s",
            $"Length of each transaction of the {writer}, committed or not, from opening the connection to the end of its commit.",
            tags: null, new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
    }

    public void TransactionEnded(TimeSpan duration) => _duration.Record(duration.TotalSeconds);

    public void WritesCommitted(int count)
    {
        _writes.Add(count);
        _width.Record(count);
    }
}
