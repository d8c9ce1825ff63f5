namespace Hospital.Grains.SlotPools;

/// <summary>A refund owed back along the original payment's path.</summary>
public sealed record RefundRecord(string Id, string AppointmentId, string PaymentId, decimal Amount, string Reason, DateTimeOffset CreatedAt);
