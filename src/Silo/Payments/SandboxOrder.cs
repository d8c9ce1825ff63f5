using Hospital.Grains.Abstractions.Payments;

namespace Hospital.Silo.Payments;

/// <summary>An order on the sandbox gateway's side, as its own records hold it: what was asked, how it stands, what was refunded.</summary>
public sealed record SandboxOrder(string Id, decimal Amount, string Description, GatewayPaymentState State, string? TradeNo, decimal Refunded)
{
    public GatewayPaymentResult Result() => new(Id, State, TradeNo, Amount);
}
