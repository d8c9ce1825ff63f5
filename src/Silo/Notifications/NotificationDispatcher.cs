using Hospital.Grains.Accounts;
using Hospital.Grains.Catalog;
using Hospital.Grains.Patients;
using Hospital.Silo.Hosting;
using Hospital.Silo.Storage.Notifications;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hospital.Silo.Notifications;

/// <summary>
/// Sends the outbox by SMS, whatever wrote it (pools, payments, lifts, the visit notice sweep, the waitlist): every period
/// it claims the due rows in the database (<see cref="SqlOutbox"/>), so on several nodes each notice goes out from one of
/// them, then sends each to its patient's phone and marks it sent. A failed send is retried with a doubling delay, up to
/// <see cref="NotificationOptions.MaxAttempts"/>. The rows are the only state, so a restart loses nothing; a node that dies
/// between sending and marking sends that notice again once its claim lapses (at least once, never twice at the same time).
/// </summary>
public sealed partial class NotificationDispatcher(
    SqlOutbox outbox,
    IPatientStore patients,
    IPersonalDataProtector protector,
    ISmsSender sms,
    HospitalClock time,
    IOptions<NotificationOptions> options,
    ILogger<NotificationDispatcher> logger) : PeriodicSweep(time, options.Value.DispatchPeriod, logger)
{
    protected override Task SweepOnceAsync(CancellationToken cancellationToken) => DispatchAsync(cancellationToken);

    /// <summary>Claims and sends the notices due now; returns how many went out.</summary>
    public async Task<int> DispatchAsync(CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var claim = Guid.NewGuid().ToString("N");
        var now = time.GetUtcNow();
        var due = await outbox.ClaimAsync(claim, now, now + settings.ClaimLease, settings.BatchSize, settings.MaxAttempts, cancellationToken);
        var sent = 0;
        foreach (var notice in due)
        {
            try
            {
                await sms.SendTextAsync(await PhoneOfAsync(notice.PatientId, cancellationToken), notice.Message, cancellationToken);
                await outbox.MarkSentAsync(notice.Id, claim, time.GetUtcNow(), cancellationToken);
                sent++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                var failed = notice.Attempts + 1;
                await outbox.MarkFailedAsync(notice.Id, claim, time.GetUtcNow() + settings.RetryDelay(failed), cancellationToken);
                if (failed >= settings.MaxAttempts) LogGivenUp(notice.Id, notice.Kind, failed, e);
                else LogRetrying(notice.Id, notice.Kind, failed, e);
            }
        }
        return sent;
    }

    private async Task<string> PhoneOfAsync(string patientId, CancellationToken cancellationToken)
    {
        var patient = await patients.FindAsync(patientId, cancellationToken)
            ?? throw new InvalidOperationException($"The notice's patient {patientId} is not registered.");
        return protector.Unprotect(patient.PhoneProtected);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notice {NoticeId} ({Kind}) failed attempt {Attempt}; it is retried later")]
    private partial void LogRetrying(long noticeId, string kind, int attempt, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Notice {NoticeId} ({Kind}) failed {Attempts} attempts and is given up")]
    private partial void LogGivenUp(long noticeId, string kind, int attempts, Exception exception);
}
