namespace Hospital.Api.Tests.Fuzz;

/// <summary>Ids that exist in the fuzzed app, so that a case with one bad value gets past the others and reaches deep code.</summary>
public sealed record FuzzTargets(string SessionId, string OtherSessionId, string AppointmentId, string PatientId, string AdminKey);
