namespace Hospital.Grains.Reconciliation;

/// <summary>How many payments and refunds, and how much money each way.</summary>
public sealed record StatementTotals(int Payments, decimal PaymentAmount, int Refunds, decimal RefundAmount)
{
    /// <summary>What stays with the hospital: payments less refunds.</summary>
    public decimal Net => PaymentAmount - RefundAmount;

    public static StatementTotals Of(IEnumerable<StatementLine> lines)
    {
        var all = lines.ToList();
        var payments = all.Where(l => l.Type == TransactionType.Payment).ToList();
        var refunds = all.Where(l => l.Type == TransactionType.Refund).ToList();
        return new(payments.Count, payments.Sum(l => l.Amount), refunds.Count, refunds.Sum(l => l.Amount));
    }
}
