using System.Diagnostics.Metrics;

namespace Hospital.Silo.Storage.SlotPools;

/// <summary>The slot pool batch writer's figures: its writes are pool batches (<see cref="WriterMetrics"/>).</summary>
public sealed class BatchWriterMetrics(IMeterFactory meterFactory)
    : WriterMetrics(meterFactory, Batches, TransactionBatches, TransactionDuration, "{batch}", "slot pool batch writer")
{
    /// <summary>Counter: pool batches the writer committed; divided by its transactions, the width of the group commit.</summary>
    public const string Batches = "hospital.silo.writer.batches";

    /// <summary>Histogram (s): length of each writer transaction, committed or not; its count is the number of transactions.</summary>
    public const string TransactionDuration = "hospital.silo.writer.transaction.duration";

    /// <summary>Histogram: pool batches each committed writer transaction carried.</summary>
    public const string TransactionBatches = "hospital.silo.writer.transaction.batches";
}
