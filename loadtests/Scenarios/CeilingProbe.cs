using System.Diagnostics;
using Hospital.LoadTests.Reporting;

namespace Hospital.LoadTests.Scenarios;

/// <summary>
/// The HTTP ceiling of the same server in the same run: the requests/s the same users get from a trivial JSON endpoint
/// (<c>/health/live</c>, which runs no checks), so a scenario's throughput can be stated as a share of it.
/// </summary>
public static class CeilingProbe
{
    public const string Kind = "ceiling";

    /// <summary>The release burst's first half of the ceiling, measured before T0 (logged apart from the second half).</summary>
    public const string BeforeT0Kind = "ceiling before T0";

    public static async Task<double> MeasureAsync(HospitalClient client, RequestLog log, int users, TimeSpan duration, CancellationToken cancellationToken,
        string kind = Kind)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(duration);
        var started = Stopwatch.GetTimestamp();
        await VirtualUsers.RepeatAsync(users, async (_, ct) => await client.GetAsync(kind, "/health/live", null, ct) is not null, deadline.Token);
        return RunTotals.From(log.Of(kind), started).Throughput;
    }
}
