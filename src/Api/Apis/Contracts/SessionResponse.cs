namespace Hospital.Api.Apis.Contracts;

/// <summary>A session with its numbered slots (号序) and their times.</summary>
public sealed record SessionResponse(CalendarSessionResponse Session, IReadOnlyList<SlotView> Slots);
