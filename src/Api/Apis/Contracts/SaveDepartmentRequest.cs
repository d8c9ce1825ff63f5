namespace Hospital.Api.Apis.Contracts;

/// <summary>A department and its release policy (window 7/14/28 days, daily release time, optional weekly release day).</summary>
public sealed record SaveDepartmentRequest(string? Name, string? Location, string? Description, int WindowDays, TimeOnly ReleaseTime, DayOfWeek? WeeklyReleaseDay);
