using Hospital.Grains.Abstractions.Booking;
using Hospital.Grains.Abstractions.Errors;
using Hospital.Grains.Rules;

namespace Hospital.Grains.Patients;

public sealed partial class PatientGrain
{
    /// <summary>
    /// Throws when the patient may not book now: suspended (too many cancellations this month or no-shows this year), past the daily
    /// limit of new bookings (not for a reschedule), or already booked in this department on that day. A booking that
    /// blocks the last rule is re-read from its pool first, since the pool may have expired or cancelled it since we last heard.
    /// </summary>
    private async Task EnsureMayBookAsync(int departmentId, DateOnly visitDate, string? exceptId)
    {
        await EnsureNotSuspendedAsync();
        // A reschedule (exceptId: the booking it moves) is a change with its own limit, not one of the day's new bookings.
        var today = hospitalTime.DateOf(Now);
        var newToday = _appointments.Count(a => a.RescheduledFrom is null && hospitalTime.DateOf(a.HeldAt) == today);
        if (exceptId is null) BookingLimits.CheckDailyBookings(newToday, bookingRules.Value).Enforce();
        await EnsureDepartmentDayFreeAsync(departmentId, visitDate, exceptId);
    }

    private async Task EnsureDepartmentDayFreeAsync(int departmentId, DateOnly visitDate, string? exceptId)
    {
        var now = Now;
        bool SameDepartmentDay(PatientAppointment a) => a.DepartmentId == departmentId && a.VisitDate == visitDate && a.Id != exceptId && a.IsLive(now);
        if (BookingLimits.CheckDepartmentDay(_appointments.Count(SameDepartmentDay), bookingRules.Value).Allowed) return;
        foreach (var stale in _appointments.Where(SameDepartmentDay).ToList())
        {
            Remember(await Pool(stale.SessionId).GetAppointmentAsync(stale.Id), stale.DepartmentId, stale.IdempotencyKey);
        }
        BookingLimits.CheckDepartmentDay(_appointments.Count(SameDepartmentDay), bookingRules.Value).Enforce();
    }
}
