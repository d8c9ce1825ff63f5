using Hospital.Grains.Abstractions.Abuse;
using Hospital.Grains.Abstractions.Booking;
using Hospital.Grains.Abstractions.Errors;
using Hospital.Grains.Abuse;
using Hospital.Grains.Availability;
using Hospital.Grains.Browsing;
using Hospital.Grains.Catalog;
using Hospital.Grains.Rules;
using Hospital.Grains.Waitlists;
using Microsoft.Extensions.Options;

namespace Hospital.Grains.Patients;

/// <summary>
/// Applies one patient's limits before asking a slot pool, and orchestrates reschedules. Non-reentrant (the default):
/// each call sees the effect of the previous one, so two simultaneous bookings cannot both pass a limit.
/// Calls go down to pools only (Api → Patient → SlotPool), never back up.
/// </summary>
public sealed partial class PatientGrain(
    IPatientStore store,
    IOptions<BookingRulesOptions> bookingRules,
    IOptions<CancellationRulesOptions> cancellationRules,
    IOptions<NoShowRulesOptions> noShowRules,
    HospitalTime hospitalTime,
    HospitalClock time,
    AppointmentIds appointmentIds,
    IFreezeStore freezes,
    IWaitlistStore waitlists,
    ISuspensionLiftStore lifts,
    CatalogCache catalog,
    AvailabilityBoard board) : Grain, IPatientGrain
{
    private readonly List<PatientAppointment> _appointments = [];
    private bool _loaded;

    private string PatientId => this.GetPrimaryKeyString();

    private string AppointmentIdOf(string sessionId, string idempotencyKey) => appointmentIds.Of(sessionId, PatientId, idempotencyKey);

    private DateTimeOffset Now => hospitalTime.Now(time);

    public async Task<HoldResult> BookAsync(BookingRequest request)
    {
        await LoadAsync();
        Freezes.EnsureNotFrozen(FrozenSubject.Patient, _freeze);
        var appointmentId = AppointmentIdOf(request.SessionId, request.IdempotencyKey);
        var earlier = _appointments.FirstOrDefault(a => a.IdempotencyKey == request.IdempotencyKey);
        if (earlier is not null && earlier.Id != appointmentId)
            throw new RuleConflictException("idempotency.key_reused", "This Idempotency-Key was already used for another request.");
        if (earlier is null)
        {
            await EnsureMayBookAsync(request.DepartmentId, SessionKey.Parse(request.SessionId).Date, exceptId: null);
            if (BoardShowsSoldOut(request)) return HoldResult.SoldOut;
        }

        var result = await Pool(request.SessionId).HoldSlotAsync(
            new HoldRequest(appointmentId, PatientId, request.Channel, request.SlotNo, Actor: request.Actor ?? PatientId, request.IdempotencyKey));
        if (result.Appointment is { } held) Remember(held, request.DepartmentId, request.IdempotencyKey);
        return result;
    }

    public async Task<AppointmentView> CancelAsync(string appointmentId, string actor, string reason)
    {
        await LoadAsync();
        var known = Known(appointmentId);
        var cancelled = await Pool(known.SessionId).CancelAsync(appointmentId, actor, reason);
        Remember(cancelled, known.DepartmentId, known.IdempotencyKey);
        return cancelled;
    }

    /// <summary>
    /// Loads the patient on the first call instead of in OnActivateAsync: Orleans logs a failed activation as an error
    /// with a stack trace, and an unknown patient id is ordinary bad input, answered 404 like any other.
    /// </summary>
    private async Task LoadAsync()
    {
        if (_loaded) return;
        if (await store.FindAsync(PatientId) is null)
        {
            // Nothing worth keeping in memory for an id that names no patient (a bad id costs a lookup per call).
            DeactivateOnIdle();
            throw new NotFoundException("patient.not_found", $"Patient {PatientId} is not registered.");
        }
        _appointments.AddRange(await store.LoadAppointmentsAsync(PatientId));
        _freeze = await freezes.LoadAsync(FrozenSubject.Patient, PatientId);
        _liftedAt = await lifts.LastLiftedAtAsync(PatientId);
        _loaded = true;
    }

    /// <summary>
    /// At a release most taps find their session sold out, and the pool is the busiest grain there is. This node's board holds
    /// every pool's availability as of its last commit; when it shows no free app slot in a session that still takes bookings,
    /// the pool's answer would be "sold out" too, so it is given without asking the pool. A slot can only come free through a
    /// commit, which the board shows at once on the pool's node and a moment later on the others: until then the answer is the
    /// one a tap of a moment before would have had. Only new requests for the next app slot come here; a retry of an earlier
    /// request, a chosen slot and the other channels are the pool's to answer.
    /// </summary>
    private bool BoardShowsSoldOut(BookingRequest request) =>
        request is { SlotNo: null, Channel: BookingChannel.App }
        && catalog.Current.FindSession(request.SessionId) is { } session && session.Slots[^1].StartsAt > Now
        && board.Find(request.SessionId)?.AsOf(Now).State == SessionState.Full;

    private ISlotPoolGrain Pool(string sessionId) => GrainFactory.Of<ISlotPoolGrain>(sessionId);

    private PatientAppointment Known(string appointmentId) =>
        _appointments.FirstOrDefault(a => a.Id == appointmentId)
        ?? throw new NotFoundException("appointment.not_found", $"Appointment {appointmentId} does not belong to this patient.");

    private void Remember(AppointmentView view, int departmentId, string? idempotencyKey)
    {
        _appointments.RemoveAll(a => a.Id == view.Id);
        _appointments.Add(PatientAppointment.From(view, departmentId, SessionKey.Parse(view.SessionId).Date, idempotencyKey, Now));
    }
}
