using Hospital.Grains.Abstractions.Payments;
using static Hospital.Grains.Reconciliation.ReconciliationDifference;

namespace Hospital.Grains.Reconciliation;

/// <summary>
/// Compares a day's statement with our ledger, order by order. Our record of a transaction can trail the gateway's by a
/// notification's delay, across midnight: a transaction of ours the day's statement lacks is not a difference when the
/// previous day's statement has it.
/// </summary>
public static class StatementComparison
{
    /// <param name="statement">The day's statement.</param>
    /// <param name="previousDay">The previous day's statement.</param>
    /// <param name="ledger">Our orders in the day's statement and those our ledger saw paid or refunded that day, by id.</param>
    public static IReadOnlyList<ReconciliationDifference> Compare(
        IReadOnlyList<StatementLine> statement, IReadOnlyList<StatementLine> previousDay, IReadOnlyDictionary<string, LedgerOrder> ledger)
    {
        var differences = new List<ReconciliationDifference>();
        foreach (var id in statement.Select(l => l.OrderId).Union(ledger.Keys).Order(StringComparer.Ordinal))
        {
            var lines = statement.Where(l => l.OrderId == id).ToList();
            var ours = ledger.GetValueOrDefault(id);
            differences.AddRange(ComparePayment(lines.FirstOrDefault(l => l.Type == TransactionType.Payment), ours, previousDay));
            differences.AddRange(CompareRefund(lines.Where(l => l.Type == TransactionType.Refund).ToList(), id, ours, previousDay));
        }
        return differences;
    }

    /// <summary>
    /// The one kind fixed without an admin: money the gateway took for an order of ours at the amount we asked, which our
    /// ledger has not recorded. Applying the gateway's word is what its notification would have done (book, or refund when the hold ended).
    /// </summary>
    public static bool IsSafeToFix(ReconciliationDifference difference) =>
        difference is { Kind: DifferenceKind.PaidAtGatewayOnly, LedgerStatus: not null, GatewayAmount: not null } && difference.GatewayAmount == difference.LedgerAmount;

    private static IEnumerable<ReconciliationDifference> ComparePayment(StatementLine? payment, LedgerOrder? ours, IReadOnlyList<StatementLine> previousDay)
    {
        if (payment is null)
        {
            if (ours is { PaidOnDay: true } && !Has(previousDay, ours.Id, TransactionType.Payment))
                yield return new(DifferenceKind.PaidInLedgerOnly, ours.Id, ours.TradeNo, null, ours.Amount, None, ours.Status.ToString());
            yield break;
        }
        if (ours is null)
            yield return new(DifferenceKind.PaidAtGatewayOnly, payment.OrderId, payment.TradeNo, payment.Amount, null, Paid, null);
        else if (ours.Amount != payment.Amount)
            yield return new(DifferenceKind.AmountMismatch, ours.Id, payment.TradeNo, payment.Amount, ours.Amount, Paid, ours.Status.ToString());
        else if (ours.Status is not (PaymentStatus.Paid or PaymentStatus.Refunded))
            yield return new(DifferenceKind.PaidAtGatewayOnly, ours.Id, payment.TradeNo, payment.Amount, ours.Amount, Paid, ours.Status.ToString());
    }

    /// <summary>Refund by refund (each part of a refund is one at the gateway): on one side only, or of another amount.</summary>
    private static IEnumerable<ReconciliationDifference> CompareRefund(
        IReadOnlyList<StatementLine> refunds, string id, LedgerOrder? ours, IReadOnlyList<StatementLine> previousDay)
    {
        var ourRefunds = ours?.Refunds ?? [];
        foreach (var refund in refunds)
        {
            var match = ourRefunds.FirstOrDefault(r => r.RefundId == refund.RefundId);
            if (match is null)
                yield return new(DifferenceKind.StatusMismatch, id, refund.TradeNo, refund.Amount, null, Refunded, ours?.Status.ToString(), RefundId: refund.RefundId);
            else if (match.Amount != refund.Amount)
                yield return new(DifferenceKind.AmountMismatch, id, refund.TradeNo, refund.Amount, match.Amount, Refunded, ours!.Status.ToString(), RefundId: refund.RefundId);
        }
        foreach (var missing in ourRefunds.Where(r => r.SucceededOnDay && !HasRefund(refunds, r.RefundId) && !HasRefund(previousDay, r.RefundId)))
            yield return new(DifferenceKind.StatusMismatch, id, ours!.TradeNo, null, missing.Amount, None, ours.Status.ToString(), RefundId: missing.RefundId);
    }

    private static bool HasRefund(IReadOnlyList<StatementLine> statement, string refundId) =>
        statement.Any(l => l.Type == TransactionType.Refund && l.RefundId == refundId);

    private static bool Has(IReadOnlyList<StatementLine> statement, string orderId, TransactionType type) =>
        statement.Any(l => l.OrderId == orderId && l.Type == type);
}
