using Hospital.Grains.Catalog;
using Hospital.Grains.Reconciliation;
using Hospital.Silo.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hospital.Silo.Reconciliation;

/// <summary>
/// The daily reconciliation, durable like the other database sweeps: each sweep looks at the last
/// <see cref="ReconciliationOptions.CatchUpDays"/> hospital days whose statement is ready and runs each day not run yet. A day
/// is claimed in the database first, so on several nodes one runs it; a day whose run died is taken over once its claim's lease
/// has passed; a day done is never run again by the job (admins re-run a day on demand).
/// </summary>
public sealed partial class ReconciliationSweep(
    PaymentReconciler reconciler,
    IReconciliationStore store,
    HospitalTime hospitalTime,
    HospitalClock time,
    IOptions<ReconciliationOptions> options,
    ILogger<ReconciliationSweep> logger) : PeriodicSweep(time, options.Value.SweepPeriod, logger)
{
    public const string RunBy = "daily";

    protected override Task SweepOnceAsync(CancellationToken cancellationToken) => SweepAsync(cancellationToken);

    /// <summary>Runs every ready day not run yet; one day's failure does not hold the others back.</summary>
    public async Task SweepAsync(CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        var lastReady = hospitalTime.DateOf(now - settings.RunAfter).AddDays(-1);
        for (var day = lastReady.AddDays(1 - settings.CatchUpDays); day <= lastReady; day = day.AddDays(1))
        {
            if (!await store.TryClaimDayAsync(day, now, now - settings.ClaimLease, cancellationToken)) continue;
            try
            {
                await reconciler.RunAsync(day, RunBy, cancellationToken);
                await store.MarkDayDoneAsync(day, time.GetUtcNow(), cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogDayFailed(day, e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The reconciliation of {Day} failed; it is taken over once its claim's lease has passed")]
    private partial void LogDayFailed(DateOnly day, Exception exception);
}
