namespace Hospital.Grains.Reconciliation;

/// <summary>
/// One run of the daily reconciliation (对账) of a hospital day: the totals of both sides and every difference found, with
/// what was fixed automatically. Re-running a day adds a new version; the highest is the day's current report.
/// </summary>
public sealed record ReconciliationReport(
    DateOnly Day, int Version, string RunBy, DateTimeOffset CreatedAt, IReadOnlyList<ReconciliationTotals> Totals, IReadOnlyList<ReconciliationDifference> Differences);

/// <summary>
/// The day's money by channel (the gateway the payments went through), as the gateway's statement and our ledger count it.
/// The row is the unit of the totals so that another dimension (the insurance part, once payments are split) joins its key.
/// </summary>
public sealed record ReconciliationTotals(string Channel, StatementTotals Gateway, StatementTotals Ledger);
