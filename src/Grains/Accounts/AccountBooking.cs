namespace Hospital.Grains.Accounts;

/// <summary>A booking an account made: the appointment and when it was held (the day it counts against).</summary>
public sealed record AccountBooking(string AppointmentId, DateTimeOffset HeldAt);
