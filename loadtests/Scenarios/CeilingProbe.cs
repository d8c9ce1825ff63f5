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

    public static async Task<double> MeasureAsync(HospitalClient client, RequestLog log, int users, TimeSpan duration, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(duration);
        var started = Stopwatch.GetTimestamp();
        await VirtualUsers.RepeatAsync(users, async (_, ct) => await client.GetAsync(Kind, "/health/live", ct) is not null, deadline.Token);
        return RunTotals.From(log.Of(Kind), started).Throughput;
    }
}
