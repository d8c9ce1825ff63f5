using Hospital.Grains.Browsing;
using Hospital.Grains.Catalog;
using Hospital.Grains.Notices;
using Hospital.Grains.SlotPools;
using Hospital.Silo.Storage.Notifications;
using Microsoft.Extensions.Options;

namespace Hospital.Silo.Notifications;

/// <summary>
/// "Your department opens tomorrow at 07:00": from <see cref="NotificationOptions.ReminderTime"/> on the day before a
/// watched date is released (by its department's release policy), once per watch.
/// </summary>
public sealed class ReleaseOpeningNotices(
    IReleaseWatchStore watches,
    SqlOutbox outbox,
    CatalogCache catalog,
    HospitalTime hospitalTime,
    IOptions<NotificationOptions> options) : IVisitNoticeSource
{
    public async Task<IReadOnlyList<KeyedNotice>> FindDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (TimeOnly.FromTimeSpan(now.TimeOfDay) < options.Value.ReminderTime) return [];
        var tomorrow = hospitalTime.DateOf(now).AddDays(1);
        var snapshot = catalog.Current;
        var due = new List<KeyedNotice>();
        foreach (var watch in await watches.FindFromAsync(tomorrow, cancellationToken))
        {
            var opensAt = hospitalTime.ToLocal(snapshot.Catalog.ReleasePolicyFor(watch.DepartmentId).OpensAt(watch.VisitDate, hospitalTime));
            if (hospitalTime.DateOf(opensAt) != tomorrow || snapshot.FindDepartment(watch.DepartmentId) is not { } department) continue;
            due.Add(new KeyedNotice($"{NoticeKinds.ReleaseOpening}:{watch.Id}", new NotificationRecord(watch.PatientId, "", NoticeKinds.ReleaseOpening,
                PatientNotices.ReleaseOpening(department.Name, watch.VisitDate, opensAt), now)));
        }
        var written = await outbox.ExistingKeysAsync([.. due.Select(n => n.DedupeKey)], cancellationToken);
        return [.. due.Where(n => !written.Contains(n.DedupeKey))];
    }
}
