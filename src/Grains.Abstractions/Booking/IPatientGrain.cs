using Hospital.Grains.Abstractions.Abuse;
using Hospital.Grains.Abstractions.Waitlists;
using Orleans.Concurrency;

namespace Hospital.Grains.Abstractions.Booking;

/// <summary>
/// One registered patient (就诊人), key: the patient id. Non-reentrant on purpose: one patient's bookings are
/// checked against the patient's limits one at a time, so two taps at once cannot both pass a limit.
/// </summary>
[Alias("Hospital.IPatientGrain")]
public interface IPatientGrain : IGrainWithStringKey
{
    /// <summary>Holds a slot after checking the patient's limits; the same idempotency key always yields the first answer.</summary>
    [Alias("Book")]
    Task<HoldResult> BookAsync(BookingRequest request);

    /// <summary>
    /// Moves a paid booking to another session: the new slot is taken before the old one is released. <paramref name="actor"/>
    /// (see <see cref="BookingActor"/>) is who moves it, recorded in every audit row of the move.
    /// </summary>
    [Alias("Reschedule")]
    Task<AppointmentView> RescheduleAsync(string appointmentId, string newSessionId, int newDepartmentId, string idempotencyKey, string actor);

    /// <summary>
    /// Cancels one of the patient's appointments on behalf of <paramref name="actor"/> (see <see cref="BookingActor"/>, the audit
    /// row's); three cancellations in a month suspend new bookings until the month ends.
    /// </summary>
    [Alias("Cancel")]
    Task<AppointmentView> CancelAsync(string appointmentId, string actor, string reason);

    /// <summary>
    /// Puts the patient on a sold-out session's waitlist, on behalf of <paramref name="actor"/>: the patient may wait for a few
    /// sessions at once, and not on a day they already have a booking in the department.
    /// </summary>
    [Alias("JoinWaitlist")]
    Task<WaitlistEntryView> JoinWaitlistAsync(string sessionId, int departmentId, string actor);

    /// <summary>
    /// A pool's word, after its commit, that it held a returned slot for the patient. The hold counts like a booking; one the
    /// patient may no longer take (a limit reached since joining, or frozen) is declined, and the slot passes to the next patient.
    /// One-way: the pool must not wait on a grain above it.
    /// </summary>
    [Alias("TakeOffer"), OneWay]
    Task TakeOfferAsync(AppointmentView offer, int departmentId);

    /// <summary>Freezes or unfreezes the patient (an admin's decision, with an audit row); nobody can book for a frozen patient.</summary>
    [Alias("ChangeFreeze")]
    Task<FreezeState> ChangeFreezeAsync(FreezeChange change);

    /// <summary>
    /// Lifts the patient's current suspension (an admin's decision with a reason, kept as an audit row); 409
    /// <c>patient.not_suspended</c> when there is none.
    /// </summary>
    [Alias("LiftSuspension")]
    Task<SuspensionLift> LiftSuspensionAsync(string reason, string actor);
}
