namespace Hospital.Grains.Abstractions.Booking;

/// <summary>What cancelling an appointment now would mean, quoted before the patient decides.</summary>
public sealed record RefundQuote(string AppointmentId, bool Cancellable, decimal Paid, decimal Refund, decimal Charge, string Tier, string? ReasonCode);
