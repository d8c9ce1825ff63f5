using Hospital.Grains.Abuse;
using Hospital.Grains.Catalog;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hospital.Silo.Hosting;

/// <summary>
/// Flags accounts that let holds lapse again and again (expired unpaid or given up), read from the audit rows the group
/// commit writes. Every node sweeps; a flag is stored once per account and window, so repeated sweeps and restarts add
/// nothing and lose nothing.
/// </summary>
public sealed partial class LapsedHoldSweep(
    IAccountFlagStore flags,
    HospitalClock time,
    IOptions<AbuseDetectionOptions> options,
    ILogger<LapsedHoldSweep> logger) : PeriodicSweep(time, options.Value.LapsedHoldSweepPeriod, logger)
{
    protected override Task SweepOnceAsync(CancellationToken cancellationToken) => SweepAsync(cancellationToken);

    /// <summary>Flags every account with at least the configured lapsed holds in the window ending now; returns how many flags are new.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        var raised = 0;
        foreach (var (accountId, lapsed) in await flags.FindLapsedHoldsAsync(now - settings.LapsedHoldWindow, settings.LapsedHolds, cancellationToken))
        {
            var evidence = $"{lapsed} holds expired unpaid or given up within {settings.LapsedHoldWindow.TotalDays:0.#} days (flagged at {settings.LapsedHolds})";
            if (await flags.RaiseAsync(accountId, AccountFlagKind.LapsedHolds, FlagWindow.Start(now, settings.LapsedHoldWindow), evidence, now, cancellationToken))
                raised++;
        }
        if (raised > 0) LogFlagged(raised);
        return raised;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Flagged {Accounts} accounts for lapsed holds")]
    private partial void LogFlagged(int accounts);
}
