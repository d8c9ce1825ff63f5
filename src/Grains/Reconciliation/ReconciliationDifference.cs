namespace Hospital.Grains.Reconciliation;

/// <summary>
/// One order on which the gateway's statement and our ledger disagree. <see cref="GatewayStatus"/> is what the statement
/// shows (paid, refunded, none); <see cref="LedgerStatus"/> our order's status when the reconciliation ran (null: no order of
/// ours); <see cref="RefundId"/> names the refund part a refund's difference is about.
/// </summary>
public sealed record ReconciliationDifference(
    DifferenceKind Kind,
    string OrderId,
    string? TradeNo,
    decimal? GatewayAmount,
    decimal? LedgerAmount,
    string GatewayStatus,
    string? LedgerStatus,
    DifferenceResolution Resolution = DifferenceResolution.ForAdmins,
    string? Note = null,
    string? RefundId = null)
{
    public const string Paid = "paid";
    public const string Refunded = "refunded";
    public const string None = "none";
}

public enum DifferenceKind
{
    /// <summary>The gateway took the money; our ledger has no such order, or has it unpaid (pending, failed, closed).</summary>
    PaidAtGatewayOnly,
    /// <summary>Our ledger recorded a payment the gateway's statement does not show.</summary>
    PaidInLedgerOnly,
    /// <summary>Both have the transaction with different amounts.</summary>
    AmountMismatch,
    /// <summary>A refund (one part) paid back on one side only.</summary>
    StatusMismatch,
}

public enum DifferenceResolution
{
    /// <summary>Not safe to fix automatically: an admin (finance) looks into it.</summary>
    ForAdmins,
    /// <summary>Confirmed as the gateway's notification would have: the order is paid and its slot booked.</summary>
    Confirmed,
    /// <summary>Confirmed, but the hold had ended: refunded by the late-payment path, and the patient told.</summary>
    Refunded,
    /// <summary>A safe fix was tried and failed (see the note); the next run tries again.</summary>
    FixFailed,
}
