using Hospital.Grains.Abstractions.Payments;

namespace Hospital.Grains.Payments;

/// <summary>
/// A payment order as stored, with its insurance split and its refund parts. <see cref="SlotBooked"/> says the pool has
/// booked the slot for this payment (or, for a refunded order, that the refund is started): a paid order whose settlement was
/// interrupted finishes it when the payment sweep wakes it.
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
    int Version,
    InsuranceType InsuranceType,
    FeeType FeeType,
    PaymentSplit Split,
    IReadOnlyList<RefundPart> Refunds)
{
    public PaymentOrderView View() => new(Id, AppointmentId, Amount, Status, CashierUrl, QrPayload, PayBefore, UpdatedAt,
        InsuranceType, FeeType, Split, Refunds.OrderBy(r => r.CreatedAt).ThenBy(r => r.Part).Select(r => r.View()).ToList());

    /// <summary>This order with <paramref name="part"/> added, or replacing the stored part of the same id.</summary>
    public PaymentOrder WithRefund(RefundPart part) =>
        this with { Refunds = Refunds.Any(r => r.Id == part.Id) ? [.. Refunds.Select(r => r.Id == part.Id ? part : r)] : [.. Refunds, part] };
}

/// <summary>One audited change of an order: from, to, why, when.</summary>
public sealed record PaymentEvent(string OrderId, PaymentStatus? From, PaymentStatus To, string Reason, DateTimeOffset At);
