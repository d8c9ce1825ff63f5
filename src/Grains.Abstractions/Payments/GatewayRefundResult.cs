namespace Hospital.Grains.Abstractions.Payments;

/// <summary>A gateway's word on one refund (by its refund id): processing, succeeded or failed, and the amount.</summary>
[GenerateSerializer, Immutable, Alias("Hospital.GatewayRefundResult")]
public sealed record GatewayRefundResult(
    [property: Id(0)] string OrderId,
    [property: Id(1)] string RefundId,
    [property: Id(2)] RefundStatus State,
    [property: Id(3)] decimal Amount);
