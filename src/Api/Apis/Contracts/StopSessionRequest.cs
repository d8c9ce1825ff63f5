namespace Hospital.Api.Apis.Contracts;

/// <summary>Why the doctor stops the session (told to every patient).</summary>
public sealed record StopSessionRequest(string? Reason);
