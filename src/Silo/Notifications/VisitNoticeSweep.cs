using Hospital.Grains.Catalog;
using Hospital.Silo.Hosting;
using Hospital.Silo.Storage.Notifications;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hospital.Silo.Notifications;

/// <summary>
/// Writes the notices that fall due with time rather than with a change (reminders, no-show and suspension notices) into
/// the outbox, for <see cref="NotificationDispatcher"/> to send. A database sweep like the no-show sweep: what is due is
/// read from the rows, so a node that was down catches up on its first sweep. Every node sweeps; each notice's dedupe key
/// lets only the first write of it in.
/// </summary>
public sealed partial class VisitNoticeSweep(
    IEnumerable<IVisitNoticeSource> sources,
    SqlOutbox outbox,
    HospitalClock time,
    HospitalTime hospitalTime,
    IOptions<NotificationOptions> options,
    ILogger<VisitNoticeSweep> logger) : PeriodicSweep(time, options.Value.NoticeSweepPeriod, logger)
{
    protected override Task SweepOnceAsync(CancellationToken cancellationToken) => SweepAsync(cancellationToken);

    /// <summary>Writes every notice due now that was not written yet.</summary>
    public async Task SweepAsync(CancellationToken cancellationToken = default)
    {
        var now = hospitalTime.Now(time);
        foreach (var source in sources)
        {
            var due = await source.FindDueAsync(now, cancellationToken);
            await outbox.AddOnceAsync(due, cancellationToken);
            if (due.Count > 0) LogWritten(due.Count, source.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Wrote {Notices} notices of {Source} to the outbox")]
    private partial void LogWritten(int notices, string source);
}
