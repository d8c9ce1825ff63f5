namespace Hospital.Grains.Abstractions.Payments;

/// <summary>One part of a refund as its patient sees it: which path it goes back by, how much, and how it stands.</summary>
[GenerateSerializer, Immutable, Alias("Hospital.RefundPartView")]
public sealed record RefundPartView(
    [property: Id(0)] string RefundId,
    [property: Id(1)] PaymentPart Part,
    [property: Id(2)] decimal Amount,
    [property: Id(3)] RefundStatus Status,
    [property: Id(4)] DateTimeOffset UpdatedAt);
