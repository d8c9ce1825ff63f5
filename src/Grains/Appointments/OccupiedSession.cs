using Hospital.Grains.Abstractions.Booking;

namespace Hospital.Grains.Appointments;

/// <summary>A session someone holds a slot in: retiring its doctor or ending its template must not drop it silently.</summary>
public sealed record OccupiedSession(string SessionId, DateOnly Date, SessionPeriod Period, int Appointments);
