namespace Hospital.Grains.Reconciliation;

/// <summary>
/// The current hospital day reconciled up to <see cref="Until"/>, as finance (or a load run) checks the money during the day:
/// the same comparison as the daily run, but nothing is fixed and nothing is stored, since the day is not over. The differences
/// the daily run would fix itself (the gateway took the money at the amount asked and our ledger has the order unpaid, which is
/// what a notification still on its way looks like) are <see cref="Settling"/>; the others are <see cref="ForAdmins"/>.
/// </summary>
public sealed record ProvisionalReconciliation(
    DateOnly Day, DateTimeOffset Until, IReadOnlyList<ReconciliationTotals> Totals,
    IReadOnlyList<ReconciliationDifference> Settling, IReadOnlyList<ReconciliationDifference> ForAdmins);
