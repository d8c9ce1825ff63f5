namespace Hospital.Grains.Abstractions.Booking;

/// <summary>
/// A suspension of new bookings: its cause, the first date the patient may book again, and the count that caused it
/// (cancellations this month, or which no-show of the year it was).
/// </summary>
[GenerateSerializer, Immutable, Alias("Hospital.Suspension")]
public sealed record Suspension(
    [property: Id(0)] SuspensionCause Cause,
    [property: Id(1)] DateOnly Until,
    [property: Id(2)] int Count);
