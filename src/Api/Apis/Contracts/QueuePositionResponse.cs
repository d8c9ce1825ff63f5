namespace Hospital.Api.Apis.Contracts;

/// <summary>
/// A patient's own place in the queue: called now, how many are before them (null when not in the queue), the expected
/// wait in minutes from the visits measured in that session (null before any), and the same in plain words.
/// </summary>
public sealed record QueuePositionResponse(string AppointmentId, bool Called, int? Ahead, int? ExpectedMinutes, string Message);
