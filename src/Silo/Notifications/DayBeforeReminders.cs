using Hospital.Grains.Abstractions.Booking;
using Hospital.Grains.Catalog;
using Hospital.Grains.Notices;
using Hospital.Grains.Rules;
using Hospital.Grains.SlotPools;
using Hospital.Silo.Storage.Notifications;
using Microsoft.Extensions.Options;
using Orleans;

namespace Hospital.Silo.Notifications;

/// <summary>
/// The reminder the day before a visit, from <see cref="NotificationOptions.ReminderTime"/> on (before the free cancellation
/// ends), for every paid booking of tomorrow. The slot's time comes from its pool.
/// </summary>
public sealed class DayBeforeReminders(
    SqlVisitNotices visits,
    IGrainFactory grains,
    HospitalTime hospitalTime,
    IOptions<NotificationOptions> options,
    IOptions<CancellationRulesOptions> cancellationRules,
    IOptions<CheckInRulesOptions> checkInRules) : IVisitNoticeSource
{
    public async Task<IReadOnlyList<KeyedNotice>> FindDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (TimeOnly.FromTimeSpan(now.TimeOfDay) < options.Value.ReminderTime) return [];
        var due = await visits.FindBookedWithoutNoticeAsync(hospitalTime.DateOf(now).AddDays(1), NoticeKinds.DayBeforeReminder, cancellationToken);
        var notices = new List<KeyedNotice>();
        foreach (var visit in due)
        {
            var slotTime = hospitalTime.ToLocal((await grains.GetGrain<ISlotPoolGrain>(visit.SessionId).GetAppointmentAsync(visit.AppointmentId)).SlotTime);
            var place = new VisitPlace(visit.DepartmentName, visit.DoctorName, visit.Location, visit.VisitDate, slotTime, visit.SlotNo);
            var text = PatientNotices.DayBeforeReminder(place, CheckInWindow.OpensAt(slotTime, checkInRules.Value),
                hospitalTime.ToLocal(CancellationPolicy.FreeUntil(slotTime, cancellationRules.Value)));
            notices.Add(KeyedNotice.ForAppointment(new NotificationRecord(visit.PatientId, visit.AppointmentId, NoticeKinds.DayBeforeReminder, text, now)));
        }
        return notices;
    }
}
