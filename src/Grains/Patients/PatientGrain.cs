using Hospital.Grains.Abstractions.Abuse;
using Hospital.Grains.Abstractions.Booking;
using Hospital.Grains.Abstractions.Errors;
using Hospital.Grains.Abuse;
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
    ISuspensionLiftStore lifts) : Grain, IPatientGrain
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
        if (earlier is null) await EnsureMayBookAsync(request.DepartmentId, SessionKey.Parse(request.SessionId).Date, exceptId: null);

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
