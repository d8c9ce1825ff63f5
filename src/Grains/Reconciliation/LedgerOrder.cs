using Hospital.Grains.Abstractions.Payments;

namespace Hospital.Grains.Reconciliation;

/// <summary>
/// A payment order as our ledger has it for a reconciled day: its amount and current status, and whether the day saw it
/// become paid or refunded (by the time of our record of it, which may trail the gateway's trade time by a notification's delay).
/// </summary>
public sealed record LedgerOrder(string Id, decimal Amount, PaymentStatus Status, string? TradeNo, bool PaidOnDay, bool RefundedOnDay)
{
    /// <summary>Our ledger's side of the day's totals.</summary>
    public static StatementTotals Totals(IEnumerable<LedgerOrder> orders)
    {
        var all = orders.ToList();
        var paid = all.Where(o => o.PaidOnDay).ToList();
        var refunded = all.Where(o => o.RefundedOnDay).ToList();
        return new(paid.Count, paid.Sum(o => o.Amount), refunded.Count, refunded.Sum(o => o.Amount));
    }
}
