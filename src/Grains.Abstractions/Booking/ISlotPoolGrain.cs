using Hospital.Grains.Abstractions.Queues;
using Hospital.Grains.Abstractions.Waitlists;

namespace Hospital.Grains.Abstractions.Booking;

/// <summary>
/// One doctor session's pool of numbered slots (key: the session id). Decides every request in memory
/// in arrival order and answers only after the decision's batch is durably committed.
/// </summary>
[Alias("Hospital.ISlotPoolGrain")]
public interface ISlotPoolGrain : IGrainWithStringKey
{
    /// <summary>Holds the requested slot, or the next free one of the caller's channel, for the hold period.</summary>
    [Alias("HoldSlot")]
    Task<HoldResult> HoldSlotAsync(HoldRequest request);

    /// <summary>Turns a live hold into a booking once it is paid (by <paramref name="actor"/>, see BookingActor); an expired hold cannot be paid.</summary>
    [Alias("ConfirmPayment")]
    Task<AppointmentView> ConfirmPaymentAsync(string appointmentId, string paymentRef, string actor);

    /// <summary>Says what cancelling now would refund, without changing anything.</summary>
    [Alias("QuoteRefund")]
    Task<RefundQuote> QuoteRefundAsync(string appointmentId);

    /// <summary>Cancels a booking (refund by tier) or abandons an unpaid hold; the slot returns to the pool.</summary>
    [Alias("Cancel")]
    Task<AppointmentView> CancelAsync(string appointmentId, string actor, string reason);

    /// <summary>Second step of a reschedule: the old booking gives up its slot to <paramref name="replacementId"/>.</summary>
    [Alias("ReleaseRescheduled")]
    Task<AppointmentView> ReleaseRescheduledAsync(string appointmentId, string replacementId, string actor);

    /// <summary>What a reschedule of this booking carries to its new slot; only a paid booking can move.</summary>
    [Alias("GetRescheduleSource")]
    Task<RescheduleSource> GetRescheduleSourceAsync(string appointmentId);

    /// <summary>Undoes the first step of a failed reschedule: the moved booking is cancelled without refund (the payment stays with the original).</summary>
    [Alias("RollBackReschedule")]
    Task<AppointmentView> RollBackRescheduleAsync(string appointmentId, string actor, string reason);

    /// <summary>Doctor stop (停诊): every live appointment is cancelled by the hospital with a full refund and a notice.</summary>
    [Alias("StopSession")]
    Task<int> StopSessionAsync(string actor, string reason);

    /// <summary>Expires every hold whose payment window has passed; the slots return to the pool.</summary>
    [Alias("ExpireDueHolds")]
    Task<int> ExpireDueHoldsAsync();

    [Alias("GetAvailability")]

    Task<SessionAvailability> GetAvailabilityAsync();

    [Alias("GetSlots")]

    Task<IReadOnlyList<SlotView>> GetSlotsAsync();

    [Alias("GetAppointment")]

    Task<AppointmentView> GetAppointmentAsync(string appointmentId);

    /// <summary>Checks a booking in if its slot's window is open today (see <c>IQueueGrain</c>, the only caller); too late makes it a no-show.</summary>
    [Alias("CheckIn")]
    Task<AppointmentView> CheckInAsync(string appointmentId, string actor);

    /// <summary>A visit-day move decided by the session's queue: InVisit, Completed, or NoShow after a second missed call.</summary>
    [Alias("AdvanceVisit")]
    Task<AppointmentView> AdvanceVisitAsync(string appointmentId, AppointmentStatus to, string actor, string reason);

    /// <summary>After the session's end, every booking that never checked in becomes a no-show; before it, nothing changes.</summary>
    [Alias("MarkNoShows")]
    Task<int> MarkNoShowsAsync();

    /// <summary>
    /// Puts the patient on the waitlist of a sold-out session (with free app slots: 409 waitlist.slots_free); a slot that comes
    /// back goes to the first waiting patient as a hold with the usual time to pay. Joining again returns the place held.
    /// </summary>
    [Alias("JoinWaitlist")]
    Task<WaitlistEntryView> JoinWaitlistAsync(WaitlistJoin join);

    /// <summary>Takes the patient off the waitlist; a hold already offered stays, to pay or cancel.</summary>
    [Alias("LeaveWaitlist")]
    Task<WaitlistEntryView> LeaveWaitlistAsync(string patientId);

    /// <summary>The patient's place on the waitlist (position while waiting), else how their latest place ended.</summary>
    [Alias("GetWaitlistPlace")]
    Task<WaitlistEntryView> GetWaitlistPlaceAsync(string patientId);

    /// <summary>Gives up an offer its patient may not take (see IPatientGrain.TakeOfferAsync); the slot goes to the next waiting patient.</summary>
    [Alias("DeclineOffer")]
    Task<WaitlistEntryView> DeclineOfferAsync(string entryId, string reason);

    /// <summary>The session's bookings and visits with their check-in times, for its queue.</summary>
    [Alias("GetVisitRows")]
    Task<IReadOnlyList<VisitRow>> GetVisitRowsAsync();
}
