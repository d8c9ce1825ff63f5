namespace Hospital.Grains.Abstractions.Waitlists;

/// <summary>
/// A patient's request to wait for a slot of a sold-out session. <see cref="EntryId"/> is chosen by the patient's grain as an
/// appointment id of the session (keyed like every appointment id), because an offer becomes the hold with that id.
/// <see cref="Actor"/> is who joined, recorded with the place (the offer's hold is the waitlist's doing: BookingActor.Waitlist).
/// </summary>
[GenerateSerializer, Immutable, Alias("Hospital.WaitlistJoin")]
public sealed record WaitlistJoin(
    [property: Id(0)] string EntryId,
    [property: Id(1)] string PatientId,
    [property: Id(2)] string Actor);
