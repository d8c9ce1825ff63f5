namespace Hospital.Grains.Abstractions.Booking;

/// <summary>The paid booking a reschedule moves from; its payment carries over to the new slot.</summary>
public sealed record RescheduleSource(string AppointmentId, string PaymentRef, decimal Fee, int RescheduleCount);
