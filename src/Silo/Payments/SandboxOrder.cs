using Hospital.Grains.Abstractions.Payments;

namespace Hospital.Silo.Payments;

/// <summary>
/// An order on the sandbox gateway's side, as its own records hold it: what was asked and how insurance and the patient share
/// it, how it stands, and its refunds by refund id.
/// </summary>
public sealed record SandboxOrder(
    string Id, decimal Amount, PaymentSplit Split, string Description, GatewayPaymentState State, string? TradeNo,
    IReadOnlyDictionary<string, SandboxRefund> Refunds)
{
    /// <summary>What actually went back to the payer.</summary>
    public decimal Refunded => Refunds.Values.Where(r => r.State == RefundStatus.Succeeded).Sum(r => r.Amount);

    public GatewayPaymentResult Result() => new(Id, State, TradeNo, Amount);
}
