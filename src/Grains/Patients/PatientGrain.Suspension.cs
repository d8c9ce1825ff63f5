using Hospital.Grains.Abstractions.Booking;
using Hospital.Grains.Abstractions.Errors;
using Hospital.Grains.Notices;
using Hospital.Grains.Rules;
using Hospital.Grains.SlotPools;

namespace Hospital.Grains.Patients;

/// <summary>
/// Suspensions: the patient's own record (cancellations this month, no-shows this year) decides, unless an admin lifted
/// it since. The pools mark no-shows without telling this grain (calls go down only), so visits of today and earlier that
/// are not settled yet are re-read from their pools before deciding (a hold here may have been paid through the payment
/// grain since, and missed); once settled they are never asked again.
/// </summary>
public sealed partial class PatientGrain
{
    public const string NotSuspendedCode = "patient.not_suspended";

    private DateTimeOffset? _liftedAt;

    public async Task<SuspensionLift> LiftSuspensionAsync(string reason, string actor)
    {
        await LoadAsync();
        var suspension = await CurrentSuspensionAsync()
            ?? throw new RuleConflictException(NotSuspendedCode, "This patient's bookings are not suspended.");
        var lift = new SuspensionLift(suspension, reason, actor, Now);
        await lifts.AppendAsync(PatientId, lift, new NotificationRecord(PatientId, "", NoticeKinds.SuspensionLifted, PatientNotices.SuspensionLifted(), lift.At));
        _liftedAt = lift.At;
        return lift;
    }

    /// <summary>Throws 409 <see cref="CancellationSuspension.SuspendedCode"/> with the reason in plain words when the patient is suspended.</summary>
    private async Task EnsureNotSuspendedAsync()
    {
        if (await CurrentSuspensionAsync() is not { } suspension) return;
        throw new RuleConflictException(CancellationSuspension.SuspendedCode, PatientNotices.Suspended(suspension))
        {
            Details = new Dictionary<string, object?>
            {
                ["suspendedUntil"] = suspension.Until, ["cause"] = suspension.Cause.ToString(), ["count"] = suspension.Count,
            },
        };
    }

    private async Task<Suspension?> CurrentSuspensionAsync()
    {
        var today = hospitalTime.DateOf(Now);
        await SettleVisitsUpToAsync(today);
        return BookingSuspensions.Current(_appointments, hospitalTime.DateOf, today, _liftedAt, cancellationRules.Value, noShowRules.Value);
    }

    private async Task SettleVisitsUpToAsync(DateOnly today)
    {
        var unsettled = _appointments.Where(a => a.VisitDate <= today
            && a.Status is AppointmentStatus.Held or AppointmentStatus.Booked or AppointmentStatus.CheckedIn or AppointmentStatus.InVisit).ToList();
        foreach (var visit in unsettled)
        {
            var current = await Pool(visit.SessionId).GetAppointmentAsync(visit.Id);
            if (current.Status != visit.Status) Remember(current, visit.DepartmentId, visit.IdempotencyKey);
        }
    }
}
