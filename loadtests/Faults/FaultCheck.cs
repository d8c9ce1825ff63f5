using Hospital.LoadTests.Consistency;
using Hospital.LoadTests.Reporting;
using Hospital.LoadTests.Scenarios;

namespace Hospital.LoadTests.Faults;

/// <summary>
/// After the fault, and after the script has brought the API and the database back: reads the database (the
/// <see cref="ConsistencyChecker"/>: acknowledged holds and payments stored as acknowledged, no slot sold twice, counters
/// equal to their rows) and the API (<see cref="ApiReadCheck"/>), and states every failure with its evidence. A burst that
/// acknowledged nothing, or whose fault did not land between acknowledgements, proves nothing and fails too.
/// </summary>
public static class FaultCheck
{
    private const int EvidenceShown = 20;

    public static async Task<FaultResult> RunAsync(RunSettings run, string stateFile, DateTimeOffset? since, CancellationToken cancellationToken)
    {
        var state = await FaultBurstState.ReadAsync(stateFile);
        var acknowledged = state.Acknowledged.Select(a => a.Hold).ToList();
        var connectionString = run.ConnectionString ?? throw new ArgumentException("A fault check reads the database: --connection-string is required.");
        var database = await ConsistencyChecker.For(run.Provider, connectionString).CheckAsync(state.SessionIds, acknowledged, cancellationToken);

        using var http = LoopbackHttp.Create(run.Target, run.Users);
        var log = new RequestLog(run.RequestCap);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(run.Duration);
        var api = await ApiReadCheck.RunAsync(new HospitalClient(http, log, await StaffSignIn.TokenAsync(http, run.Staff, deadline.Token)), acknowledged, run.Users, deadline.Token);
        var answers = state.Answers.Plus(AnswerCounts.From(log.Of(ApiReadCheck.Kind)));

        var paid = acknowledged.Count(a => a.Paid);
        return new FaultResult(state.Fault, acknowledged.Count, paid, acknowledged.Count - database.MissingAcknowledged, paid - (database.MissingPaid ?? 0),
            state.AcknowledgedBeforeFault, state.AcknowledgedAfterFault, database.Oversell, database.CounterMismatches, answers.ServerErrors,
            answers.Unavailable, answers.Unanswered, since is { } start ? Math.Round((DateTimeOffset.UtcNow - start).TotalSeconds, 1) : 0,
            [.. Failures(state, database, api, answers)], answers.RefusalsByKind);
    }

    private static IEnumerable<string> Failures(FaultBurstState state, ConsistencyReport database, IReadOnlyList<string> api, AnswerCounts answers)
    {
        if (state.Acknowledged.Count == 0) yield return "nothing was acknowledged: the burst proves nothing";
        else if (state.FaultAt is null) yield return "no fault time was recorded: the fault did not come during the burst";
        else if (state.AcknowledgedBeforeFault == 0 || state.AcknowledgedAfterFault == 0)
            yield return $"the fault did not land mid-burst: {state.AcknowledgedBeforeFault} acknowledged before it, {state.AcknowledgedAfterFault} after";

        if (database.MissingAcknowledged > 0)
        {
            yield return $"{database.MissingAcknowledged} acknowledged missing or different in the database ({database.MissingPaid} of them paid)";
            foreach (var detail in database.MissingDetails ?? []) yield return "  " + detail;
        }
        if (database.Oversell > 0) yield return $"oversold: {database.DoubleOccupiedSlots} slots occupied twice, {database.OversoldSessions} sessions over quota";
        if (database.CounterMismatches > 0) yield return $"{database.CounterMismatches} sessions whose counters do not match their rows";
        if (api.Count > 0)
        {
            yield return $"{api.Count} acknowledged the API does not show as acknowledged";
            foreach (var disagreement in api.Take(EvidenceShown)) yield return "  " + disagreement;
        }
        if (answers.ServerErrors > 0)
        {
            yield return $"{answers.ServerErrors} server errors (5xx other than 503)";
            foreach (var (what, count) in answers.ServerErrorsByKind) yield return $"  {what}: {count}";
        }
    }
}
