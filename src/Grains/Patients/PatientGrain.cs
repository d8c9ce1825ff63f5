using Hospital.Grains.Abstractions.Booking;
using Hospital.Grains.Abstractions.Errors;
using Hospital.Grains.Catalog;
using Hospital.Grains.Rules;
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
    HospitalTime hospitalTime,
    HospitalClock time) : Grain, IPatientGrain
{
    private readonly List<PatientAppointment> _appointments = [];

    private string PatientId => this.GetPrimaryKeyString();

    private DateTimeOffset Now => hospitalTime.Now(time);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _ = await store.FindAsync(PatientId, cancellationToken)
            ?? throw new NotFoundException("patient.not_found", $"Patient {PatientId} is not registered.");
        _appointments.AddRange(await store.LoadAppointmentsAsync(PatientId, cancellationToken));
    }

    public async Task<HoldResult> BookAsync(BookingRequest request)
    {
        var appointmentId = AppointmentKey.Build(request.SessionId, PatientId, request.IdempotencyKey);
        var earlier = _appointments.FirstOrDefault(a => a.IdempotencyKey == request.IdempotencyKey);
        if (earlier is not null && earlier.Id != appointmentId)
            throw new RuleConflictException("idempotency.key_reused", "This Idempotency-Key was already used for another request.");
        if (earlier is null) await EnsureMayBookAsync(request.DepartmentId, SessionKey.Parse(request.SessionId).Date, exceptId: null);

        var result = await Pool(request.SessionId).HoldSlotAsync(
            new HoldRequest(appointmentId, PatientId, request.Channel, request.SlotNo, Actor: request.Actor ?? PatientId, request.IdempotencyKey));
        if (result.Appointment is { } held) Remember(held, request.DepartmentId, request.IdempotencyKey);
        return result;
    }

    public async Task<AppointmentView> CancelAsync(string appointmentId, string reason)
    {
        var known = Known(appointmentId);
        var cancelled = await Pool(known.SessionId).CancelAsync(appointmentId, PatientId, reason);
        Remember(cancelled, known.DepartmentId, known.IdempotencyKey);
        return cancelled;
    }

    private ISlotPoolGrain Pool(string sessionId) => GrainFactory.GetGrain<ISlotPoolGrain>(sessionId);

    private PatientAppointment Known(string appointmentId) =>
        _appointments.FirstOrDefault(a => a.Id == appointmentId)
        ?? throw new NotFoundException("appointment.not_found", $"Appointment {appointmentId} does not belong to this patient.");

    private void Remember(AppointmentView view, int departmentId, string? idempotencyKey)
    {
        _appointments.RemoveAll(a => a.Id == view.Id);
        _appointments.Add(PatientAppointment.From(view, departmentId, SessionKey.Parse(view.SessionId).Date, idempotencyKey, Now));
    }
}
