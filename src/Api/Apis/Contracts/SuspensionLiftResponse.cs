using Hospital.Grains.Abstractions.Booking;

namespace Hospital.Api.Apis.Contracts;

/// <summary>
/// A lifted suspension: whose, what had suspended them (cause, count, the date it would have ended), why it was lifted, by
/// whom (staff:&lt;id&gt;) and when.
/// </summary>
public sealed record SuspensionLiftResponse(
    string PatientId, SuspensionCause Cause, int Count, DateOnly SuspendedUntil, string Reason, string LiftedBy, DateTimeOffset LiftedAt)
{
    public static SuspensionLiftResponse From(string patientId, SuspensionLift lift) =>
        new(patientId, lift.Lifted.Cause, lift.Lifted.Count, lift.Lifted.Until, lift.Reason, lift.Actor, lift.At);
}
