using System.Diagnostics.Metrics;
using Hospital.Silo.Runtime.Metrics;

namespace Hospital.Silo.Storage.SlotPools;

/// <summary>
/// How wide and how long the node's group commit is: transactions, the pool batches they carried, and their length. At a
/// release peak an operator reads the width (batches per transaction) to tell a database that keeps up from one that
/// has become the limit.
/// </summary>
public sealed class BatchWriterMetrics
{
    private readonly Counter<long> _transactions;
    private readonly Counter<long> _batches;
    private readonly Histogram<double> _duration;

    public BatchWriterMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(SiloMeterNames.Meter);
        _transactions = meter.CreateCounter<long>(SiloMeterNames.WriterTransactions, "{transaction}", "Transactions of the slot pool batch writer, committed or not.");
        _batches = meter.CreateCounter<long>(SiloMeterNames.WriterBatches, "{batch}", "Pool batches committed by the slot pool batch writer.");
        _duration = meter.CreateHistogram<double>(SiloMeterNames.WriterTransactionDuration, "ms", "Length of a batch writer transaction, from opening the connection to the end of its commit.");
    }

    public void TransactionEnded(TimeSpan duration)
    {
        _transactions.Add(1);
        _duration.Record(duration.TotalMilliseconds);
    }

    public void BatchesCommitted(int count) => _batches.Add(count);
}
