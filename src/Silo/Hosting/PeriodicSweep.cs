using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Hospital.Silo.Hosting;

/// <summary>
/// A durable wake-up by database sweep: every <c>period</c> of the hospital's clock the node runs <see cref="SweepOnceAsync"/>,
/// which reads from the database what is due, the first time at start (catching up on what fell due while the node was down).
/// Nothing lives only in memory, so a crash delays a sweep's work by at most one period and loses none of it. A failed sweep
/// is logged and the next period tries again.
/// </summary>
public abstract partial class PeriodicSweep(TimeProvider time, TimeSpan period, ILogger logger) : BackgroundService
{
    protected TimeSpan Period => period;

    /// <summary>One sweep: finds in the database what is due and acts on it.</summary>
    protected abstract Task SweepOnceAsync(CancellationToken cancellationToken);

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(period, time);
        do
        {
            try
            {
                await SweepOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogSweepFailed(GetType().Name, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Sweep} failed; the next period tries again")]
    private partial void LogSweepFailed(string sweep, Exception exception);
}
