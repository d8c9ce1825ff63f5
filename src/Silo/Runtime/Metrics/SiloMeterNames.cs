namespace Hospital.Silo.Runtime.Metrics;

/// <summary>Names of the runtime's meter and instruments, for listeners and the /metrics endpoint.</summary>
public static class SiloMeterNames
{
    /// <summary>The one meter of the silo.</summary>
    public const string Meter = "Hospital.Silo";

    /// <summary>Observable gauge: activations currently serving (Valid or deactivating).</summary>
    public const string Activations = "hospital.silo.activations";

    /// <summary>Counter: grain calls started.</summary>
    public const string Calls = "hospital.silo.calls";

    /// <summary>Observable gauge: calls waiting in all mailboxes.</summary>
    public const string MailboxDepth = "hospital.silo.mailbox.depth";

    /// <summary>Histogram (ms): length of a turn, i.e. a whole call including its awaits, or a timer tick.</summary>
    public const string TurnDuration = "hospital.silo.turn.duration";

    /// <summary>Counter: pool batches the writer committed; divided by its transactions, the width of the group commit.</summary>
    public const string WriterBatches = "hospital.silo.writer.batches";

    /// <summary>Histogram (s): length of each writer transaction, committed or not; its count is the number of transactions.</summary>
    public const string WriterTransactionDuration = "hospital.silo.writer.transaction.duration";

    /// <summary>Histogram: pool batches each committed writer transaction carried, the width of the group commit.</summary>
    public const string WriterTransactionBatches = "hospital.silo.writer.transaction.batches";
}
