namespace Hospital.Grains.Abstractions.Booking;

/// <summary>One numbered slot of a session (号序) with its time and whether it is free.</summary>
public sealed record SlotView(int SlotNo, DateTimeOffset StartsAt, DateTimeOffset EndsAt, BookingChannel Channel, bool Free);
