using Hospital.Grains.Abstractions.Abuse;
using Hospital.Grains.Abstractions.Booking;
using Hospital.Grains.Abstractions.Errors;
using Hospital.Grains.Abuse;
using Hospital.Grains.Catalog;
using Hospital.Grains.Rules;

namespace Hospital.Grains.Patients;

public sealed partial class PatientGrain
{
    /// <summary>
    /// Two steps, in this order: the new session books a slot carrying the old payment, then the old session
    /// releases its slot. If the second step fails, the first is rolled back, so a failure anywhere leaves the
    /// old booking intact (at worst, briefly, the patient holds both).
    /// </summary>
    public async Task<AppointmentView> RescheduleAsync(string appointmentId, string newSessionId, int newDepartmentId, string idempotencyKey, string actor)
    {
        await LoadAsync();
        var movedId = AppointmentIdOf(newSessionId, idempotencyKey);
        if (_appointments.Any(a => a.Id == movedId && a.RescheduledFrom == appointmentId && a.Status == AppointmentStatus.Booked))
            return await Pool(newSessionId).GetAppointmentAsync(movedId);
        Freezes.EnsureNotFrozen(FrozenSubject.Patient, _freeze);

        var known = Known(appointmentId);
        var oldPool = Pool(known.SessionId);
        var source = await oldPool.GetRescheduleSourceAsync(appointmentId);
        BookingLimits.CheckReschedule(source.RescheduleCount, bookingRules.Value).Enforce();
        await EnsureMayBookAsync(newDepartmentId, SessionKey.Parse(newSessionId).Date, exceptId: appointmentId);

        var newPool = Pool(newSessionId);
        var current = await oldPool.GetAppointmentAsync(appointmentId);
        var result = await newPool.HoldSlotAsync(new HoldRequest(movedId, PatientId, current.Channel, SlotNo: null, actor, idempotencyKey, source));
        var moved = result.Appointment ?? throw NotMovable(result);
        Remember(moved, newDepartmentId, idempotencyKey);
        try
        {
            Remember(await oldPool.ReleaseRescheduledAsync(appointmentId, movedId, actor), known.DepartmentId, known.IdempotencyKey);
        }
        catch
        {
            Remember(await newPool.RollBackRescheduleAsync(movedId, actor, $"reschedule rolled back: {appointmentId} could not be released"), newDepartmentId, idempotencyKey);
            throw;
        }
        return moved;
    }

    private static RuleConflictException NotMovable(HoldResult result) => result.Outcome switch
    {
        HoldOutcome.NotReleased => new RuleConflictException("session.not_released", "The new session is not open for booking yet.")
            { Details = new Dictionary<string, object?> { ["opensAt"] = result.OpensAt } },
        _ => new RuleConflictException("slot.sold_out", "The new session has no free slot."),
    };
}
