using Hospital.Grains.Abstractions.Booking;

namespace Hospital.Grains.Abstractions.Queues;

/// <summary>A checked-in patient in a session's queue.</summary>
[GenerateSerializer, Immutable, Alias("Hospital.QueueEntry")]
public sealed record QueueEntry(
    [property: Id(0)] string AppointmentId,
    [property: Id(1)] int SlotNo,
    [property: Id(2)] string PatientId,
    [property: Id(3)] BookingChannel Channel,
    [property: Id(4)] AppointmentStatus Status,
    [property: Id(5)] bool Late,
    [property: Id(6)] bool MissedOnce);
