using Hospital.Grains.Catalog;

namespace Hospital.Api.Apis.Contracts;

/// <summary>One session in a calendar: when, who, where, the fee, and how bookable it is now.</summary>
public sealed record CalendarSessionResponse(
    string SessionId, DateOnly Date, SessionPeriod Period, DateTimeOffset StartsAt, int DoctorId, string DoctorName, string Room,
    decimal Fee, SessionState State, int Available, int Quota, DateTimeOffset OpensAt)
{
    public static CalendarSessionResponse From(SessionDefinition s, Doctor? doctor, SessionAvailability availability) => new(
        s.SessionId, s.Date, s.Period, s.StartsAt, s.DoctorId, doctor?.Name ?? "", s.Room, s.Fee,
        availability.State, availability.Available, s.Quota, s.OpensAt);
}
