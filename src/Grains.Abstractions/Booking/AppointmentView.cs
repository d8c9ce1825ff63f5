namespace Hospital.Grains.Abstractions.Booking;

/// <summary>An appointment as shown to its patient and staff.</summary>
public sealed record AppointmentView(
    string Id,
    string SessionId,
    int SlotNo,
    DateTimeOffset SlotTime,
    string PatientId,
    BookingChannel Channel,
    AppointmentStatus Status,
    string FhirStatus,
    decimal Fee,
    DateTimeOffset HeldAt,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? BookedAt,
    decimal? RefundAmount,
    int RescheduleCount,
    string? RescheduledFrom);
