using Hospital.Grains.Abstractions.Payments;

namespace Hospital.Grains.Reconciliation;

/// <summary>
/// A payment order as our ledger has it for a reconciled day: its amount and current status, whether the day saw it become
/// paid (by the time of our record of it, which may trail the gateway's trade time by a notification's delay), and every
/// refund part of it that the gateway has paid back.
/// </summary>
public sealed record LedgerOrder(string Id, decimal Amount, PaymentStatus Status, string? TradeNo, bool PaidOnDay, IReadOnlyList<LedgerRefund> Refunds)
{
    /// <summary>Our ledger's side of the day's totals.</summary>
    public static StatementTotals Totals(IEnumerable<LedgerOrder> orders)
    {
        var all = orders.ToList();
        var paid = all.Where(o => o.PaidOnDay).ToList();
        var refunded = all.SelectMany(o => o.Refunds).Where(r => r.SucceededOnDay).ToList();
        return new(paid.Count, paid.Sum(o => o.Amount), refunded.Count, refunded.Sum(o => o.Amount));
    }
}

/// <summary>One refund part our ledger records as paid back, by the gateway's refund id; whether that happened on the reconciled day.</summary>
public sealed record LedgerRefund(string RefundId, decimal Amount, bool SucceededOnDay);
