using Hospital.LoadTests.Consistency;
using Hospital.LoadTests.VisitDay;
using Hospital.LoadTests.Waitlists;

namespace Hospital.LoadTests.Reporting;

/// <summary>
/// The figures of one scenario run, written to the results file and printed as a table. <c>Payments</c> (how the payments
/// through the gateway ended) and <c>Reconciliation</c> (ledger against the gateway's statement) are null in results files
/// written before the runner paid through the gateway, as <c>Reconciliation</c> is for runs without a hospital admin.
/// <c>Writer</c> is the pool batch writer, <c>SharedWriter</c> the shared transaction writer (null before it was measured).
/// </summary>
public sealed record RunSummary(
    string Scenario, string Backend, DateTimeOffset StartedAt, int Users, int Requests, int Holds, int Paid, int SoldOut,
    int NotReleased, int Overloaded, int Rejected, int Errors, double Seconds, double Throughput, LatencySummary Latency,
    double? SecondsUntilSoldOut, double CeilingThroughput, ConsistencyReport? Consistency, IReadOnlyList<KindFigures> ByKind,
    WriterFigures? Writer = null, CeilingFigures? Ceilings = null, VisitDayReport? VisitDay = null, WaitlistReport? Waitlist = null,
    PaymentFigures? Payments = null, ReconciliationFigures? Reconciliation = null, WriterFigures? SharedWriter = null)
{
    /// <summary>Throughput as a share of the same run's HTTP ceiling (trivial JSON endpoint, same users).</summary>
    public double CeilingRatio => CeilingThroughput > 0 ? Math.Round(Throughput / CeilingThroughput, 3) : 0;

    /// <summary>The scenario name of a normal day, which has no speed goal.</summary>
    public const string NormalDay = "normal-day";

    /// <summary>
    /// A burst's goal: ≥40% of the ceiling, p99 under 100 ms, only expected refusals, 0 oversell, nothing lost, no
    /// unexplained difference between our ledger and the gateway's statement, and with a waitlist every returned slot
    /// offered to the first waiting patient. A normal day, where rule refusals are expected, passes with no errors, a
    /// consistent database and no unexplained difference; a visit day (where "nobody waits" answers the doctors' polls) too,
    /// with every checked-in patient visited once.
    /// </summary>
    public bool GoalMet => Scenario is NormalDay or VisitDayScenario.Name
        ? Errors == 0 && Consistency is null or { Passed: true } && VisitDay is null or { Passed: true } && Reconciliation is null or { Unexplained: 0 }
        : CeilingRatio >= 0.40 && Latency.P99 < 100 && Rejected == 0 && Errors == 0 && Consistency is { Passed: true } && Waitlist is null or { Passed: true }
          && Reconciliation is null or { Unexplained: 0 };
}
