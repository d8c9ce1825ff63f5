namespace Hospital.Grains.Abstractions.Booking;

/// <summary>What cancelling an appointment now would mean, quoted before the patient decides.</summary>
[GenerateSerializer, Immutable, Alias("Hospital.RefundQuote")]
public sealed record RefundQuote(
    [property: Id(0)] string AppointmentId,
    [property: Id(1)] bool Cancellable,
    [property: Id(2)] decimal Paid,
    [property: Id(3)] decimal Refund,
    [property: Id(4)] decimal Charge,
    [property: Id(5)] string Tier,
    [property: Id(6)] string? ReasonCode);
