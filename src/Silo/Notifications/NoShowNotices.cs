using Hospital.Grains.Abstractions.Booking;
using Hospital.Grains.Catalog;
using Hospital.Grains.Notices;
using Hospital.Grains.SlotPools;
using Hospital.Silo.Storage.Notifications;
using Microsoft.Extensions.Options;
using Orleans;

namespace Hospital.Silo.Notifications;

/// <summary>
/// The notice of a missed visit and the suspension it caused, for every no-show marked within
/// <see cref="NotificationOptions.NoShowNoticeWindow"/> that has none yet.
/// </summary>
public sealed class NoShowNotices(
    SqlVisitNotices visits,
    SuspensionLookup suspensions,
    IGrainFactory grains,
    HospitalTime hospitalTime,
    IOptions<NotificationOptions> options) : IVisitNoticeSource
{
    public async Task<IReadOnlyList<KeyedNotice>> FindDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var due = await visits.FindNoShowsWithoutNoticeAsync(now - options.Value.NoShowNoticeWindow, NoticeKinds.NoShow, cancellationToken);
        var notices = new List<KeyedNotice>();
        foreach (var visit in due)
        {
            var slotTime = hospitalTime.ToLocal((await grains.GetGrain<ISlotPoolGrain>(visit.SessionId).GetAppointmentAsync(visit.AppointmentId)).SlotTime);
            var (suspension, _) = await suspensions.CurrentAsync(visit.PatientId, hospitalTime.DateOf(now), cancellationToken);
            var place = new VisitPlace(visit.DepartmentName, visit.DoctorName, visit.Location, visit.VisitDate, slotTime, visit.SlotNo);
            var text = PatientNotices.NoShow(place, suspension?.Cause == SuspensionCause.NoShows ? suspension : null);
            notices.Add(KeyedNotice.ForAppointment(new NotificationRecord(visit.PatientId, visit.AppointmentId, NoticeKinds.NoShow, text, now)));
        }
        return notices;
    }
}
