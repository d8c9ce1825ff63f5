using Hospital.Grains.Abstractions.Booking;

namespace Hospital.Grains.SlotPools;

/// <summary>One lifecycle transition: who moved which appointment from what to what, when and why.</summary>
public sealed record AuditEntry(string AppointmentId, DateTimeOffset At, string Actor, AppointmentStatus? From, AppointmentStatus To, string Reason);
