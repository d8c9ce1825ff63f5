namespace Hospital.Grains.Reconciliation;

/// <summary>Our ledger as the reconciliation reads it, its reports (versioned per day) and the daily job's claims of days.</summary>
public interface IReconciliationStore
{
    /// <summary>
    /// Our orders paid or refunded in [<paramref name="from"/>, <paramref name="to"/>) by our records, and those of
    /// <paramref name="orderIds"/> (the statement's), by id.
    /// </summary>
    Task<IReadOnlyDictionary<string, LedgerOrder>> LedgerAsync(
        DateTimeOffset from, DateTimeOffset to, IReadOnlyCollection<string> orderIds, CancellationToken cancellationToken = default);

    /// <summary>Saves the report as the day's next version (its <see cref="ReconciliationReport.Version"/> is ignored) and answers it as saved.</summary>
    Task<ReconciliationReport> AddReportAsync(ReconciliationReport report, CancellationToken cancellationToken = default);

    /// <summary>The day's report of <paramref name="version"/>, or its latest when null; null when there is none.</summary>
    Task<ReconciliationReport?> FindReportAsync(DateOnly day, int? version, CancellationToken cancellationToken = default);

    /// <summary>
    /// Claims the day for the daily job: true for exactly one caller, unless the day is done or its claim is younger than
    /// <paramref name="staleBefore"/> (a node that claimed it and died is taken over after that).
    /// </summary>
    Task<bool> TryClaimDayAsync(DateOnly day, DateTimeOffset now, DateTimeOffset staleBefore, CancellationToken cancellationToken = default);

    /// <summary>Marks the day's daily run done: no node claims it again.</summary>
    Task MarkDayDoneAsync(DateOnly day, DateTimeOffset at, CancellationToken cancellationToken = default);
}
