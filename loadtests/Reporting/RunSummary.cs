using Hospital.LoadTests.Consistency;
using Hospital.LoadTests.VisitDay;
using Hospital.LoadTests.Waitlists;

namespace Hospital.LoadTests.Reporting;

/// <summary>The figures of one scenario run, written to the results file and printed as a table.</summary>
public sealed record RunSummary(
    string Scenario, string Backend, DateTimeOffset StartedAt, int Users, int Requests, int Holds, int Paid, int SoldOut,
    int NotReleased, int Overloaded, int Rejected, int Errors, double Seconds, double Throughput, LatencySummary Latency,
    double? SecondsUntilSoldOut, double CeilingThroughput, ConsistencyReport? Consistency, IReadOnlyList<KindFigures> ByKind,
    WriterFigures? Writer = null, CeilingFigures? Ceilings = null, VisitDayReport? VisitDay = null, WaitlistReport? Waitlist = null)
{
    /// <summary>Throughput as a share of the same run's HTTP ceiling (trivial JSON endpoint, same users).</summary>
    public double CeilingRatio => CeilingThroughput > 0 ? Math.Round(Throughput / CeilingThroughput, 3) : 0;

    /// <summary>The scenario name of a normal day, which has no speed goal.</summary>
    public const string NormalDay = "normal-day";

    /// <summary>
    /// A burst's goal: ≥40% of the ceiling, p99 under 100 ms, only expected refusals, 0 oversell, nothing lost, and with a
    /// waitlist every returned slot offered to the first waiting patient. A normal day, where rule refusals are expected,
    /// passes with no errors and a consistent database; a visit day (where "nobody waits" answers the doctors' polls) too,
    /// with every checked-in patient visited once.
    /// </summary>
    public bool GoalMet => Scenario is NormalDay or VisitDayScenario.Name
        ? Errors == 0 && Consistency is null or { Passed: true } && VisitDay is null or { Passed: true }
        : CeilingRatio >= 0.40 && Latency.P99 < 100 && Rejected == 0 && Errors == 0 && Consistency is { Passed: true } && Waitlist is null or { Passed: true };
}
