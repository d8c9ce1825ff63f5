namespace Hospital.Grains.Abstractions.Booking;

/// <summary>
/// A request to hold a slot. <see cref="AppointmentId"/> is chosen by the caller (derived from the
/// idempotency key), so a retried request finds its first answer instead of holding a second slot.
/// </summary>
[GenerateSerializer, Immutable, Alias("Hospital.HoldRequest")]
public sealed record HoldRequest(
    [property: Id(0)] string AppointmentId,
    [property: Id(1)] string PatientId,
    [property: Id(2)] BookingChannel Channel,
    [property: Id(3)] int? SlotNo,
    [property: Id(4)] string Actor,
    [property: Id(5)] string? IdempotencyKey = null,
    [property: Id(6)] RescheduleSource? RescheduleOf = null);
