namespace Hospital.Api.Apis.Contracts;

/// <summary>Move a paid booking to another session (next free slot of the booking's channel).</summary>
public sealed record RescheduleAppointmentRequest(string? SessionId);
