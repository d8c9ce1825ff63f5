using Hospital.Grains.Abstractions.Payments;

namespace Hospital.Grains.Payments;

/// <summary>
/// One part of a refund as stored (table payment_refund_parts): its <see cref="Id"/> is also the gateway's refund id, so
/// asking the gateway again for the same part never pays it twice. <see cref="Attempts"/> counts submissions to the gateway;
/// a failed part is due again at <see cref="RetryAt"/>, and once its attempts are spent it is <see cref="SurfacedAt"/> to admins.
/// </summary>
public sealed record RefundPart(
    string Id,
    string RefundId,
    string OrderId,
    PaymentPart Part,
    decimal Amount,
    RefundStatus Status,
    int Attempts,
    DateTimeOffset? RetryAt,
    DateTimeOffset? SurfacedAt,
    string? LastError,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static string IdFor(string refundId, PaymentPart part) => $"{refundId}.{part}";

    public RefundPartView View() => new(Id, Part, Amount, Status, UpdatedAt);
}

/// <summary>One audited change of a refund part: from, to, who, why, when (table payment_refund_events).</summary>
public sealed record RefundEvent(string RefundPartId, RefundStatus? From, RefundStatus To, string Actor, string Reason, DateTimeOffset At);
