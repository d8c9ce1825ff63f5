namespace Hospital.Grains.Catalog;

/// <summary>One numbered slot (号序) of a session: its time slice and the channel allowed to book it.</summary>
public sealed record SlotDefinition(int SlotNo, DateTimeOffset StartsAt, DateTimeOffset EndsAt, BookingChannel Channel);
