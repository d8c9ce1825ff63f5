using Hospital.Grains.Catalog;
using Hospital.Grains.Abstractions.Booking;
using Orleans;
using Hospital.Grains.SlotPools;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hospital.Silo.Hosting;

/// <summary>
/// Honours hold expiries that no active pool is watching: after a restart, or after a pool with holds was collected.
/// Each sweep activates the pools that have holds due before the next sweep; their own timers then expire them on time.
/// </summary>
public sealed partial class HoldExpiryRecovery(
    ISlotPoolStore store,
    IGrainFactory grains,
    HospitalClock time,
    IOptions<SlotPoolOptions> options,
    ILogger<HoldExpiryRecovery> logger) : PeriodicSweep(time, options.Value.RecoverySweepPeriod, logger)
{
    protected override Task SweepOnceAsync(CancellationToken cancellationToken) => SweepAsync(time.GetUtcNow() + Period, cancellationToken);

    /// <summary>Wakes every pool with holds due by <paramref name="dueBy"/> and expires those already due.</summary>
    public async Task SweepAsync(DateTimeOffset dueBy, CancellationToken cancellationToken = default)
    {
        var sessions = await store.FindSessionsWithHoldsDueAsync(dueBy, cancellationToken);
        var expired = await Task.WhenAll(sessions.Select(id => grains.GetGrain<ISlotPoolGrain>(id).ExpireDueHoldsAsync()));
        if (sessions.Count > 0) LogSwept(sessions.Count, expired.Sum());
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Hold recovery woke {Sessions} pools and expired {Expired} holds")]
    private partial void LogSwept(int sessions, int expired);
}
