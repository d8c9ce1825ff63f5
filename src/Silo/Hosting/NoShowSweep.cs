using Hospital.Grains.Abstractions.Booking;
using Hospital.Grains.Catalog;
using Hospital.Grains.Queues;
using Hospital.Grains.SlotPools;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans;

namespace Hospital.Silo.Hosting;

/// <summary>
/// Makes every booking nobody checked in a no-show once its session has ended. A database sweep rather than an Orleans
/// reminder per session, like hold expiry (<see cref="HoldExpiryRecovery"/>): the bookings themselves are the record of
/// what is due, so nothing has to be registered at booking time (a reminder would need a second write that could fail
/// after the booking committed, and one reminder row per session), and a node that was down at the session's end
/// catches up on its first sweep after the restart. Each sweep wakes the pools of today and earlier that still have
/// unchecked bookings; a pool whose session has not ended yet changes nothing.
/// </summary>
public sealed partial class NoShowSweep(
    IVisitDayStore store,
    IGrainFactory grains,
    HospitalClock time,
    HospitalTime hospitalTime,
    IOptions<SlotPoolOptions> options,
    ILogger<NoShowSweep> logger) : PeriodicSweep(time, options.Value.RecoverySweepPeriod, logger)
{
    protected override Task SweepOnceAsync(CancellationToken cancellationToken) => SweepAsync(cancellationToken);

    /// <summary>Marks the no-shows of every session that has ended by now.</summary>
    public async Task SweepAsync(CancellationToken cancellationToken = default)
    {
        var sessions = await store.FindSessionsWithUncheckedBookingsAsync(hospitalTime.DateOf(time.GetUtcNow()), cancellationToken);
        var marked = await Task.WhenAll(sessions.Select(id => grains.GetGrain<ISlotPoolGrain>(id).MarkNoShowsAsync()));
        if (marked.Sum() > 0) LogSwept(sessions.Count, marked.Sum());
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "No-show sweep checked {Sessions} sessions and marked {NoShows} no-shows")]
    private partial void LogSwept(int sessions, int noShows);
}
