namespace Hospital.Grains.Abstractions.Booking;

/// <summary>
/// A request to hold a slot. <see cref="AppointmentId"/> is chosen by the caller (derived from the
/// idempotency key), so a retried request finds its first answer instead of holding a second slot.
/// </summary>
public sealed record HoldRequest(
    string AppointmentId,
    string PatientId,
    BookingChannel Channel,
    int? SlotNo,
    string Actor,
    string? IdempotencyKey = null,
    RescheduleSource? RescheduleOf = null);
