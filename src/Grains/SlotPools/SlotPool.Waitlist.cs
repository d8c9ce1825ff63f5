using Hospital.Grains.Abstractions.Booking;
using Hospital.Grains.Abstractions.Errors;
using Hospital.Grains.Abstractions.Waitlists;
using Hospital.Grains.Notices;

namespace Hospital.Grains.SlotPools;

/// <summary>
/// The session's waitlist (候补). Invariant after every decision: while a patient waits, no app slot that has not started is
/// free, because every decision that frees one (<see cref="OfferReturnedSlots"/>) offers it to the first waiting patient in
/// the same batch. A newcomer therefore finds the pool sold out as long as anyone waits, and cannot take a returned slot.
/// </summary>
public sealed partial class SlotPool
{
    /// <summary>The channel the waitlist serves: patients book through the app, and only its slots are offered.</summary>
    private const BookingChannel WaitlistChannel = BookingChannel.App;

    // Every entry of the session by id, and those still waiting in the order they joined.
    private readonly Dictionary<string, WaitlistEntry> _waitlist = [];
    private readonly SortedDictionary<long, WaitlistEntry> _waiting = [];
    private long _lastSeq;

    /// <summary>How long an offer's hold waits for payment; the grain sets it from the booking rules (a hold's usual time).</summary>
    public TimeSpan OfferHoldDuration { get; set; } = TimeSpan.FromMinutes(15);

    public IEnumerable<WaitlistEntry> Waitlist => _waitlist.Values;

    /// <summary>Puts the patient at the end of the queue; only a sold-out session has one. Joining again returns the place already held.</summary>
    public Decision<WaitlistEntryView> JoinWaitlist(WaitlistJoin join, DateTimeOffset now)
    {
        if (WaitingEntryOf(join.PatientId) is { } waiting) return Decision<WaitlistEntryView>.Unchanged(View(waiting));
        if (Status == SessionStatus.Stopped)
            throw new RuleConflictException("session.stopped", "The doctor has stopped this session.");
        if (now < Session.OpensAt)
            throw new RuleConflictException("session.not_released", $"Booking for this session opens at {Session.OpensAt:yyyy-MM-dd HH:mm}; book then.");
        if (Session.Slots[^1].StartsAt <= now)
            throw new RuleConflictException("session.closed", "This session has already started; it takes no more bookings.");
        if (HasLiveAppointment(join.PatientId))
            throw new RuleConflictException("patient.already_booked", "The patient already has an appointment in this session.");
        if (NextFreeSlot(WaitlistChannel, now) is not null)
            throw new RuleConflictException("waitlist.slots_free", "This session still has free slots: book one instead of waiting.");
        if (_waitlist.ContainsKey(join.EntryId))
            throw new RuleConflictException("appointment.id_conflict", "This waitlist entry id is already used.");

        var entry = new WaitlistEntry(join.EntryId, Session.SessionId, join.PatientId, NextSeq(), WaitlistStatus.Waiting, join.Actor, now, now);
        PutEntry(entry);
        var changes = new PoolChanges();
        changes.WaitlistCreated.Add(entry);
        return new(View(entry), changes);
    }

    /// <summary>Takes the patient out of the queue; an offer already made stays a hold, to pay or cancel like any other.</summary>
    public Decision<WaitlistEntryView> LeaveWaitlist(string patientId, DateTimeOffset now)
    {
        var waiting = WaitingEntryOf(patientId) ?? throw NotWaiting();
        var left = waiting with { Status = WaitlistStatus.Left, UpdatedAt = now };
        PutEntry(left);
        var changes = new PoolChanges();
        changes.WaitlistUpdated.Add(left);
        return new(View(left), changes);
    }

    /// <summary>The patient's place: the one waiting, else the latest they had (an offer, or how it ended).</summary>
    public WaitlistEntryView WaitlistPlace(string patientId) =>
        (WaitingEntryOf(patientId) ?? _waitlist.Values.Where(e => e.PatientId == patientId).MaxBy(e => e.Seq)) is { } entry
            ? View(entry)
            : throw NotWaiting();

    /// <summary>
    /// The patient's grain refused an offer (a limit reached since joining, or the patient frozen): the hold is given up and
    /// the slot goes to the next waiting patient, in one decision. An offer no longer held changes nothing.
    /// </summary>
    public Decision<WaitlistEntryView> DeclineOffer(string entryId, string reason, DateTimeOffset now)
    {
        var entry = _waitlist.GetValueOrDefault(entryId) ?? throw NotWaiting();
        if (entry.Status != WaitlistStatus.Offered || Find(entryId) is not { Status: AppointmentStatus.Held } held)
            return Decision<WaitlistEntryView>.Unchanged(View(entry));
        var changes = new PoolChanges();
        Transition(changes, held, held with { Status = AppointmentStatus.Abandoned, UpdatedAt = now }, BookingActor.Waitlist, reason);
        var skipped = EndEntry(changes, entry, WaitlistStatus.Skipped, now, PatientNotices.WaitlistOfferDeclined(Session.Date, Session.Period));
        OfferReturnedSlots(changes, now);
        return new(View(skipped), changes);
    }

    /// <summary>
    /// Hands every free app slot that has not started to the first waiting patients, in order, each as a hold for the usual
    /// payment window, with a notice. A waiting patient who meanwhile holds an appointment in this session is passed over and told.
    /// </summary>
    private void OfferReturnedSlots(PoolChanges changes, DateTimeOffset now)
    {
        if (Status == SessionStatus.Stopped) return;
        while (_waiting.Count > 0 && NextFreeSlot(WaitlistChannel, now) is { } slot)
        {
            var entry = _waiting.First().Value;
            if (HasLiveAppointment(entry.PatientId))
            {
                EndEntry(changes, entry, WaitlistStatus.Skipped, now, PatientNotices.WaitlistNoLongerNeeded(Session.Date, Session.Period));
                continue;
            }
            var hold = new PoolAppointment(entry.Id, Session.SessionId, slot.SlotNo, entry.PatientId, WaitlistChannel, AppointmentStatus.Held,
                Session.Fee, HeldAt: now, ExpiresAt: now + OfferHoldDuration, BookedAt: null, PaymentRef: null, RefundAmount: null,
                RescheduleCount: 0, RescheduledFrom: null, IdempotencyKey: null, UpdatedAt: now);
            Put(hold);
            changes.Create(hold, BookingActor.Waitlist, "slot offered from the waitlist");
            EndEntry(changes, entry, WaitlistStatus.Offered, now,
                PatientNotices.WaitlistOffered(Session.Date, Session.Period, slot.SlotNo, hold.ExpiresAt.ToOffset(Session.OpensAt.Offset)));
        }
    }

    /// <summary>An offer's hold expired unpaid: its entry lapses, and the patient is told the slot moved on.</summary>
    private void LapseOffer(PoolChanges changes, PoolAppointment expired, DateTimeOffset now)
    {
        if (_waitlist.GetValueOrDefault(expired.Id) is { Status: WaitlistStatus.Offered } entry)
            EndEntry(changes, entry, WaitlistStatus.Lapsed, now, PatientNotices.WaitlistLapsed(Session.Date, Session.Period));
    }

    /// <summary>The session stopped: nobody waits any longer, and everyone waiting is told.</summary>
    private void CloseWaitlist(PoolChanges changes, string reason, DateTimeOffset now)
    {
        foreach (var entry in _waiting.Values.ToList())
            EndEntry(changes, entry, WaitlistStatus.Closed, now, PatientNotices.WaitlistClosed(Session.Date, Session.Period, reason));
    }

    private WaitlistEntry EndEntry(PoolChanges changes, WaitlistEntry entry, WaitlistStatus status, DateTimeOffset now, string message)
    {
        var ended = entry with { Status = status, UpdatedAt = now };
        PutEntry(ended);
        changes.WaitlistUpdated.Add(ended);
        changes.Notifications.Add(new NotificationRecord(entry.PatientId, entry.Id, $"waitlist.{status.ToString().ToLowerInvariant()}", message, now));
        return ended;
    }

    private WaitlistEntryView View(WaitlistEntry entry) =>
        new(entry.Id, entry.SessionId, entry.PatientId, entry.Status, PositionOf(entry), entry.JoinedAt, entry.UpdatedAt);

    private int? PositionOf(WaitlistEntry entry) =>
        entry.Status == WaitlistStatus.Waiting ? _waiting.Keys.TakeWhile(seq => seq < entry.Seq).Count() + 1 : null;

    private WaitlistEntry? WaitingEntryOf(string patientId) => _waiting.Values.FirstOrDefault(e => e.PatientId == patientId);

    private long NextSeq() => _lastSeq + 1;

    private void PutEntry(WaitlistEntry entry)
    {
        _waitlist[entry.Id] = entry;
        _lastSeq = Math.Max(_lastSeq, entry.Seq);
        if (entry.Status == WaitlistStatus.Waiting) _waiting[entry.Seq] = entry;
        else _waiting.Remove(entry.Seq);
    }

    private static NotFoundException NotWaiting() => new("waitlist.not_found", "The patient is not on this session's waitlist.");
}
