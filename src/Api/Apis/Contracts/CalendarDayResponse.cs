namespace Hospital.Api.Apis.Contracts;

/// <summary>One day of a calendar with its sessions in time order.</summary>
public sealed record CalendarDayResponse(DateOnly Date, IReadOnlyList<CalendarSessionResponse> Sessions);
