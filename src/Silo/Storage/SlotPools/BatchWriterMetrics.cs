using System.Diagnostics.Metrics;
using Hospital.Silo.Runtime.Metrics;

namespace Hospital.Silo.Storage.SlotPools;

/// <summary>
/// How wide and how long the node's group commit is: the length of each transaction (whose count is the number of
/// transactions) and the pool batches they committed. At a release peak an operator reads the width (batches per
/// transaction) to tell a database that keeps up from one that has become the limit.
/// </summary>
public sealed class BatchWriterMetrics
{
    private readonly Counter<long> _batches;
    private readonly Histogram<double> _duration;

    public BatchWriterMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(SiloMeterNames.Meter);
        _batches = meter.CreateCounter<long>(SiloMeterNames.WriterBatches, "{batch}", "Pool batches committed by the slot pool batch writer.");
        _duration = meter.CreateHistogram<double>(SiloMeterNames.WriterTransactionDuration, "ms", "Length of each slot pool batch writer transaction, committed or not, from opening the connection to the end of its commit.");
    }

    public void TransactionEnded(TimeSpan duration) => _duration.Record(duration.TotalMilliseconds);

    public void BatchesCommitted(int count) => _batches.Add(count);
}
