using Hospital.Grains.Abstractions.Payments;

namespace Hospital.Grains.Payments;

/// <summary>
/// A payment order as stored. <see cref="SlotBooked"/> says the pool has booked the slot for this payment (or, for a
/// refunded order, that the refund is done): a paid order whose settlement was interrupted finishes it when the payment sweep wakes it.
/// </summary>
public sealed record PaymentOrder(
    string Id,
    string AppointmentId,
    string PatientId,
    decimal Amount,
    PaymentStatus Status,
    string? TradeNo,
    string? CashierUrl,
    string? QrPayload,
    bool SlotBooked,
    DateTimeOffset PayBefore,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    int Version)
{
    public PaymentOrderView View() => new(Id, AppointmentId, Amount, Status, CashierUrl, QrPayload, PayBefore, UpdatedAt);
}

/// <summary>One audited change of an order: from, to, why, when.</summary>
public sealed record PaymentEvent(string OrderId, PaymentStatus? From, PaymentStatus To, string Reason, DateTimeOffset At);
