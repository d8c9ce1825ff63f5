namespace Hospital.Api.Apis.Contracts;

/// <summary>How many appointments a doctor stop cancelled.</summary>
public sealed record StopSessionResponse(string SessionId, int CancelledAppointments);
