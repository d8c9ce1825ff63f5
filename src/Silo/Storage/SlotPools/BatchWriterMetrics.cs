using System.Diagnostics.Metrics;

namespace Hospital.Silo.Storage.SlotPools;

/// <summary>
/// How wide and how long the node's group commit is: the length of each transaction (whose count is the number of
/// transactions) and the pool batches they committed, in total and per transaction. At a release peak an operator
/// reads the width (batches per transaction) to tell a database that keeps up from one that has become the limit.
/// </summary>
public sealed class BatchWriterMetrics
{
    /// <summary>The meter of the node's own storage figures.</summary>
    public const string Meter = "Hospital.Silo";

    /// <summary>Counter: pool batches the writer committed; divided by its transactions, the width of the group commit.</summary>
    public const string Batches = "hospital.silo.writer.batches";

    /// <summary>Histogram (s): length of each writer transaction, committed or not; its count is the number of transactions.</summary>
    public const string TransactionDuration = "hospital.silo.writer.transaction.duration";

    /// <summary>Histogram: pool batches each committed writer transaction carried.</summary>
    public const string TransactionBatches = "hospital.silo.writer.transaction.batches";

    // A transaction takes milliseconds when the database keeps up and up to its command timeout when it does not.
    private static readonly IReadOnlyList<double> DurationBuckets = [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5];
    // One pool up to every pool waiting, at most SlotPoolBatchWriter.MaxBatchesPerTransaction.
    private static readonly IReadOnlyList<long> WidthBuckets = [1, 2, 4, 8, 16, 32, 64, 128, 256];

    private readonly Counter<long> _batches;
    private readonly Histogram<long> _width;
    private readonly Histogram<double> _duration;

    public BatchWriterMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(Meter);
        _batches = meter.CreateCounter<long>(Batches, "{batch}", "Pool batches committed by the slot pool batch writer.");
        _width = meter.CreateHistogram(TransactionBatches, "{batch}", "Pool batches each committed writer transaction carried.",
            tags: null, new InstrumentAdvice<long> { HistogramBucketBoundaries = WidthBuckets });
        _duration = meter.CreateHistogram(TransactionDuration, "s",
            "Length of each slot pool batch writer transaction, committed or not, from opening the connection to the end of its commit.",
            tags: null, new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
    }

    public void TransactionEnded(TimeSpan duration) => _duration.Record(duration.TotalSeconds);

    public void BatchesCommitted(int count)
    {
        _batches.Add(count);
        _width.Record(count);
    }
}
