namespace Hospital.Grains.Abstractions.Booking;

/// <summary>An appointment as shown to its patient and staff.</summary>
[GenerateSerializer, Immutable, Alias("Hospital.AppointmentView")]
public sealed record AppointmentView(
    [property: Id(0)] string Id,
    [property: Id(1)] string SessionId,
    [property: Id(2)] int SlotNo,
    [property: Id(3)] DateTimeOffset SlotTime,
    [property: Id(4)] string PatientId,
    [property: Id(5)] BookingChannel Channel,
    [property: Id(6)] AppointmentStatus Status,
    [property: Id(7)] string FhirStatus,
    [property: Id(8)] decimal Fee,
    [property: Id(9)] DateTimeOffset HeldAt,
    [property: Id(10)] DateTimeOffset? ExpiresAt,
    [property: Id(11)] DateTimeOffset? BookedAt,
    [property: Id(12)] decimal? RefundAmount,
    [property: Id(13)] int RescheduleCount,
    [property: Id(14)] string? RescheduledFrom);
