using Hospital.Grains.Abstractions.Payments;

namespace Hospital.Silo.Payments;

/// <summary>
/// A refund on the sandbox gateway's side: one part of one order. <see cref="PaidOut"/> counts the times money actually went
/// back, which must never exceed one however often the refund is asked for.
/// </summary>
public sealed record SandboxRefund(string Id, PaymentPart Part, decimal Amount, RefundStatus State, int Attempts, int PaidOut)
{
    public GatewayRefundResult Result(string orderId) => new(orderId, Id, State, Amount);
}
