namespace Hospital.Grains.SlotPools;

/// <summary>A message to a patient, written to the outbox in the same transaction as the change it reports.</summary>
public sealed record NotificationRecord(string PatientId, string AppointmentId, string Kind, string Message, DateTimeOffset CreatedAt);
