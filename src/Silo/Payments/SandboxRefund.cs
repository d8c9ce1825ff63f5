using Hospital.Grains.Abstractions.Payments;

namespace Hospital.Silo.Payments;

/// <summary>
/// A refund on the sandbox gateway's side, changed under its order's lock. <see cref="PaidOut"/> counts the times money
/// actually went back, which must never exceed one.
/// </summary>
public sealed class SandboxRefund(string id, PaymentPart part, decimal amount)
{
    public string Id { get; } = id;
    public PaymentPart Part { get; } = part;
    public decimal Amount { get; } = amount;
    public RefundStatus State { get; private set; } = RefundStatus.Requested;
    public int Attempts { get; private set; }
    public int PaidOut { get; private set; }

    public void Settle(RefundStatus outcome)
    {
        Attempts++;
        State = outcome;
        if (outcome == RefundStatus.Succeeded) PaidOut++;
    }

    public GatewayRefundResult Result(string orderId) => new(orderId, Id, State, Amount);
}
