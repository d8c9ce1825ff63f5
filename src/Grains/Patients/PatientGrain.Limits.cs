using Hospital.Grains.Abstractions.Booking;
using Hospital.Grains.Abstractions.Errors;
using Hospital.Grains.Rules;

namespace Hospital.Grains.Patients;

public sealed partial class PatientGrain
{
    /// <summary>
    /// Throws when the patient may not book now: suspended (too many cancellations this month or no-shows this year), past the daily
    /// limit of new bookings (not for a reschedule), or already booked in this department on that day. For the last rule a
    /// booking is re-read from its pool when our copy may be out of date: one that blocks (the pool may have expired or
    /// cancelled it since we last heard) and a hold past its time to pay (it may have been paid).
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
        bool SameDepartmentDay(PatientAppointment a) => a.DepartmentId == departmentId && a.VisitDate == visitDate && a.Id != exceptId;
        bool Blocks(PatientAppointment a) => SameDepartmentDay(a) && a.IsLive(now);
        // A hold past its time to pay may have been paid: the payment grain tells the pool, not us.
        await RereadAsync(_appointments.Where(a => SameDepartmentDay(a) && a.Status == AppointmentStatus.Held && !a.IsLive(now)).ToList());
        if (BookingLimits.CheckDepartmentDay(_appointments.Count(Blocks), bookingRules.Value).Allowed) return;
        await RereadAsync(_appointments.Where(Blocks).ToList());
        BookingLimits.CheckDepartmentDay(_appointments.Count(Blocks), bookingRules.Value).Enforce();
    }

    private async Task RereadAsync(List<PatientAppointment> copies)
    {
        foreach (var copy in copies)
            Remember(await Pool(copy.SessionId).GetAppointmentAsync(copy.Id), copy.DepartmentId, copy.IdempotencyKey);
    }
}
