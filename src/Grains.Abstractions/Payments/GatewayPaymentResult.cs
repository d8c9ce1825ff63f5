namespace Hospital.Grains.Abstractions.Payments;

/// <summary>A gateway's word on an order: its state, the gateway's own transaction number once paid, and the amount it took.</summary>
[GenerateSerializer, Immutable, Alias("Hospital.GatewayPaymentResult")]
public sealed record GatewayPaymentResult(
    [property: Id(0)] string OrderId,
    [property: Id(1)] GatewayPaymentState State,
    [property: Id(2)] string? TradeNo,
    [property: Id(3)] decimal Amount);
