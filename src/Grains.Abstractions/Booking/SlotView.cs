namespace Hospital.Grains.Abstractions.Booking;

/// <summary>One numbered slot of a session (号序) with its time and whether it is free.</summary>
[GenerateSerializer, Immutable, Alias("Hospital.SlotView")]
public sealed record SlotView(
    [property: Id(0)] int SlotNo,
    [property: Id(1)] DateTimeOffset StartsAt,
    [property: Id(2)] DateTimeOffset EndsAt,
    [property: Id(3)] BookingChannel Channel,
    [property: Id(4)] bool Free);
