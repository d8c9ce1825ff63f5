namespace Hospital.Grains.Abstractions.Waitlists;

/// <summary>
/// A patient's place on a session's waitlist. <see cref="Position"/> is 1 for the next patient served while waiting, else
/// null; <see cref="Id"/> is also the appointment id of the hold an offer makes (status Offered).
/// </summary>
[GenerateSerializer, Immutable, Alias("Hospital.WaitlistEntryView")]
public sealed record WaitlistEntryView(
    [property: Id(0)] string Id,
    [property: Id(1)] string SessionId,
    [property: Id(2)] string PatientId,
    [property: Id(3)] WaitlistStatus Status,
    [property: Id(4)] int? Position,
    [property: Id(5)] DateTimeOffset JoinedAt,
    [property: Id(6)] DateTimeOffset UpdatedAt);
