namespace Hospital.Grains.SlotPools;

/// <summary>A payment received for an appointment.</summary>
public sealed record PaymentRecord(string Id, string AppointmentId, decimal Amount, string Method, DateTimeOffset PaidAt);
