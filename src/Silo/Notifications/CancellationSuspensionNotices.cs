using System.Globalization;
using Hospital.Grains.Abstractions.Booking;
using Hospital.Grains.Catalog;
using Hospital.Grains.Notices;
using Hospital.Grains.Rules;
using Hospital.Grains.SlotPools;
using Hospital.Silo.Storage.Notifications;
using Microsoft.Extensions.Options;

namespace Hospital.Silo.Notifications;

/// <summary>
/// The notice that the month's cancellations suspended new bookings, once per suspension: its key names the patient,
/// the month, the count and the last lift (a lift and three more cancellations are a new suspension).
/// </summary>
public sealed class CancellationSuspensionNotices(
    SqlVisitNotices visits,
    SuspensionLookup suspensions,
    HospitalTime hospitalTime,
    IOptions<CancellationRulesOptions> cancellationRules) : IVisitNoticeSource
{
    public async Task<IReadOnlyList<KeyedNotice>> FindDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var today = hospitalTime.DateOf(now);
        var monthStart = hospitalTime.At(new DateOnly(today.Year, today.Month, 1), TimeOnly.MinValue);
        var notices = new List<KeyedNotice>();
        foreach (var patientId in await visits.FindPatientsCancellingAtLeastAsync(monthStart, cancellationRules.Value.MaxCancellationsPerMonth, cancellationToken))
        {
            var (suspension, liftedAt) = await suspensions.CurrentAsync(patientId, today, cancellationToken);
            if (suspension is not { Cause: SuspensionCause.Cancellations }) continue;
            var key = string.Create(CultureInfo.InvariantCulture,
                $"{NoticeKinds.CancellationSuspension}:{patientId}:{today:yyyyMM}:{suspension.Count}:{liftedAt?.ToUnixTimeSeconds() ?? 0}");
            notices.Add(new KeyedNotice(key, new NotificationRecord(patientId, "", NoticeKinds.CancellationSuspension, PatientNotices.Suspended(suspension), now)));
        }
        return notices;
    }
}
