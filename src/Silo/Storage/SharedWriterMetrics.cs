using System.Diagnostics.Metrics;

namespace Hospital.Silo.Storage;

/// <summary>
/// The shared transaction writer's figures: its writes are units (a payment order's change, a callback's nonce, a sandbox
/// gateway record), counted when committed, not when refused (<see cref="WriterMetrics"/>).
/// </summary>
public sealed class SharedWriterMetrics(IMeterFactory meterFactory)
    : WriterMetrics(meterFactory, Units, TransactionUnits, TransactionDuration, "{unit}", "shared transaction writer")
{
    /// <summary>Counter: units the shared writer committed.</summary>
    public const string Units = "hospital.silo.shared_writer.units";

    /// <summary>Histogram (s): length of each shared writer transaction, committed or not; its count is the number of transactions.</summary>
    public const string TransactionDuration = "hospital.silo.shared_writer.transaction.duration";

    /// <summary>Histogram: units each committed shared writer transaction carried.</summary>
    public const string TransactionUnits = "hospital.silo.shared_writer.transaction.units";
}
