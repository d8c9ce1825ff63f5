namespace Hospital.Grains.Abstractions.Booking;

/// <summary>A session's live availability for app bookings, as pushed to calendars and streams.</summary>
public sealed record SessionAvailability(
    string SessionId,
    int DoctorId,
    int DepartmentId,
    DateOnly Date,
    SessionPeriod Period,
    decimal Fee,
    int Quota,
    int Available,
    SessionState State,
    DateTimeOffset OpensAt);
