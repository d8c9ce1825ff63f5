namespace Hospital.Grains.Reconciliation;

/// <summary>
/// One transaction of a gateway's daily statement: when, the gateway's trade number, our order number (and refund number
/// for a refund), payment or refund, the amount and the gateway's status of it.
/// </summary>
public sealed record StatementLine(
    DateTimeOffset TradeTime, string TradeNo, string OrderId, string? RefundId, TransactionType Type, decimal Amount, string Status)
{
    /// <summary>The status of a transaction that went through (the only kind a statement lists).</summary>
    public const string Success = "SUCCESS";
}

/// <summary>What a statement line moved: money in (a payment) or back out (a refund).</summary>
public enum TransactionType
{
    Payment,
    Refund,
}
