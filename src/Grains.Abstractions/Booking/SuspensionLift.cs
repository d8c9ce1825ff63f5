namespace Hospital.Grains.Abstractions.Booking;

/// <summary>
/// An admin lifting a patient's suspension: the suspension that was lifted, why, who (staff:&lt;id&gt;) and when. Everything
/// the patient did before <paramref name="At"/> no longer suspends them; no-shows still count on the year's ladder.
/// </summary>
[GenerateSerializer, Immutable, Alias("Hospital.SuspensionLift")]
public sealed record SuspensionLift(
    [property: Id(0)] Suspension Lifted,
    [property: Id(1)] string Reason,
    [property: Id(2)] string Actor,
    [property: Id(3)] DateTimeOffset At);
