using Hospital.Grains.Abuse;
using Hospital.Grains.Catalog;
using Microsoft.Extensions.Options;

namespace Hospital.Api.Apis.Abuse;

/// <summary>
/// Counts the distinct accounts booking from each source (address or device) over the last
/// <see cref="AbuseDetectionOptions.SourceWindow"/>; once a source has more than <see cref="AbuseDetectionOptions.AccountsPerSource"/>,
/// every account seen from it is found (once per source and window). In memory on each node, on purpose: counting every
/// booking in the database would cost a write per booking at the release peak. So a restart forgets the counts (a farm is
/// seen again within one window), and behind a round-robin balancer each node sees only its share of a source.
/// </summary>
public sealed class BookingSourceWatch(IOptions<AbuseDetectionOptions> options, HospitalClock clock)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Dictionary<string, DateTimeOffset>> _lastSeen = [];
    private readonly HashSet<(string Source, string AccountId, DateTimeOffset Window)> _found = [];
    private DateTimeOffset _pruned = DateTimeOffset.MinValue;

    /// <summary>An account to flag: the window it was found in, the evidence (source masked) and when.</summary>
    public sealed record Finding(string AccountId, DateTimeOffset Window, string Evidence, DateTimeOffset At);

    /// <summary>Records a booking by <paramref name="accountId"/> from <paramref name="sources"/>; returns the accounts to flag now.</summary>
    public IReadOnlyList<Finding> Record(string accountId, IEnumerable<BookingSource> sources)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        var window = FlagWindow.Start(now, settings.SourceWindow);
        var findings = new List<Finding>();
        lock (_lock)
        {
            PruneEveryWindow(now, settings.SourceWindow);
            foreach (var source in sources)
            {
                if (!_lastSeen.TryGetValue(source.Key, out var accounts)) _lastSeen[source.Key] = accounts = [];
                accounts[accountId] = now;
                if (accounts.Count <= settings.AccountsPerSource) continue;
                // Over the threshold: drop what is out of the window before judging (cheap: only a busy source gets here).
                foreach (var stale in accounts.Where(a => a.Value < now - settings.SourceWindow).Select(a => a.Key).ToList()) accounts.Remove(stale);
                if (accounts.Count <= settings.AccountsPerSource) continue;
                var evidence = $"{accounts.Count} accounts booked from {source.Shown} within {settings.SourceWindow.TotalMinutes:0.#} minutes (flagged above {settings.AccountsPerSource})";
                findings.AddRange(accounts.Keys.Where(a => _found.Add((source.Key, a, window))).Select(a => new Finding(a, window, evidence, now)));
            }
        }
        return findings;
    }

    private void PruneEveryWindow(DateTimeOffset now, TimeSpan length)
    {
        if (now - _pruned < length) return;
        _pruned = now;
        foreach (var (source, accounts) in _lastSeen.ToList())
        {
            foreach (var stale in accounts.Where(a => a.Value < now - length).Select(a => a.Key).ToList()) accounts.Remove(stale);
            if (accounts.Count == 0) _lastSeen.Remove(source);
        }
        _found.RemoveWhere(f => f.Window < FlagWindow.Start(now, length));
    }
}
