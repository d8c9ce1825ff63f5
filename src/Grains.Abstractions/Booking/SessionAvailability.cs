namespace Hospital.Grains.Abstractions.Booking;

/// <summary>
/// A session's live availability for app bookings, as pushed to calendars and streams. <see cref="Version"/> is the pool's
/// committed version: of two availabilities of a session, the higher version is the newer.
/// </summary>
[GenerateSerializer, Immutable, Alias("Hospital.SessionAvailability")]
public sealed record SessionAvailability(
    [property: Id(0)] string SessionId,
    [property: Id(1)] int DoctorId,
    [property: Id(2)] int DepartmentId,
    [property: Id(3)] DateOnly Date,
    [property: Id(4)] SessionPeriod Period,
    [property: Id(5)] decimal Fee,
    [property: Id(6)] int Quota,
    [property: Id(7)] int Available,
    [property: Id(8)] SessionState State,
    [property: Id(9)] DateTimeOffset OpensAt,
    [property: Id(10)] long Version);
