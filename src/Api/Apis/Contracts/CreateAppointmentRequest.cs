namespace Hospital.Api.Apis.Contracts;

/// <summary>Book a session for a patient: a given slot number, or the next free one of the channel (default App).</summary>
public sealed record CreateAppointmentRequest(string? SessionId, string? PatientId, int? SlotNo, BookingChannel? Channel);
