using Hospital.Grains.Abstractions.Waitlists;

namespace Hospital.Grains.SlotPools;

/// <summary>
/// A place on a session's waitlist as its pool holds it. Immutable like <see cref="PoolAppointment"/>. <see cref="Seq"/> is
/// the order of joining within the session; <see cref="Id"/> becomes the appointment id of the hold an offer makes.
/// </summary>
public sealed record WaitlistEntry(
    string Id,
    string SessionId,
    string PatientId,
    long Seq,
    WaitlistStatus Status,
    string Actor,
    DateTimeOffset JoinedAt,
    DateTimeOffset UpdatedAt);
