namespace Hospital.Grains.Abstractions.Payments;

/// <summary>
/// A payment order as its patient sees it: where to pay (cashier page, or the QR payload to render), how it stands, how the
/// fee is split between insurance and the patient (shown before paying) and every refund part with its state.
/// </summary>
[GenerateSerializer, Immutable, Alias("Hospital.PaymentOrderView")]
public sealed record PaymentOrderView(
    [property: Id(0)] string OrderId,
    [property: Id(1)] string AppointmentId,
    [property: Id(2)] decimal Amount,
    [property: Id(3)] PaymentStatus Status,
    [property: Id(4)] string? CashierUrl,
    [property: Id(5)] string? QrPayload,
    [property: Id(6)] DateTimeOffset PayBefore,
    [property: Id(7)] DateTimeOffset UpdatedAt,
    [property: Id(8)] InsuranceType InsuranceType,
    [property: Id(9)] FeeType FeeType,
    [property: Id(10)] PaymentSplit Split,
    [property: Id(11)] IReadOnlyList<RefundPartView> Refunds);
