using Hospital.Grains.Abstractions.Booking;

namespace Hospital.Grains.Abstractions.Queues;

/// <summary>
/// One appointment of a session as the visit day sees it. <see cref="CheckedInAt"/> is set while the appointment is
/// CheckedIn: it is the instant of that transition (the row's last change; its audit entry keeps it for good).
/// </summary>
[GenerateSerializer, Immutable, Alias("Hospital.VisitRow")]
public sealed record VisitRow(
    [property: Id(0)] string AppointmentId,
    [property: Id(1)] int SlotNo,
    [property: Id(2)] DateTimeOffset SlotStartsAt,
    [property: Id(3)] string PatientId,
    [property: Id(4)] BookingChannel Channel,
    [property: Id(5)] AppointmentStatus Status,
    [property: Id(6)] DateTimeOffset? CheckedInAt)
{
    /// <summary>Whether the patient checked in after their slot's start (a late arrival waits behind the on-time ones).</summary>
    public bool Late => CheckedInAt > SlotStartsAt;
}
