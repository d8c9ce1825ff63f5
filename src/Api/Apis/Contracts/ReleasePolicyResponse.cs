using Hospital.Grains.Catalog;

namespace Hospital.Api.Apis.Contracts;

/// <summary>How far ahead a department releases sessions, at what time, and on which weekday when it releases weekly.</summary>
public sealed record ReleasePolicyResponse(int WindowDays, TimeOnly ReleaseTime, DayOfWeek? WeeklyReleaseDay)
{
    public static ReleasePolicyResponse From(ReleasePolicy p) => new(p.WindowDays, p.DailyReleaseTime, p.WeeklyReleaseDay);
}
