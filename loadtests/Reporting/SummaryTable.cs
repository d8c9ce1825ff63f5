using Hospital.LoadTests.VisitDay;
using Hospital.LoadTests.Waitlists;
using Spectre.Console;

namespace Hospital.LoadTests.Reporting;

/// <summary>Prints a run's summary as a two-column table, with the consistency check and the goal verdict.</summary>
public static class SummaryTable
{
    public static void Write(RunSummary run)
    {
        var table = new Table().Title($"{run.Scenario} on {run.Backend}").AddColumn("Figure").AddColumn(new TableColumn("Value").RightAligned());
        foreach (var (name, value) in Rows(run)) table.AddRow(Markup.Escape(name), Markup.Escape(value));
        AnsiConsole.Write(table);
        var verdict = run.GoalMet ? "[green]goal met[/]" : "[red]goal missed[/]";
        var oversell = run.Consistency?.Oversell.ToString() ?? "not checked";
        var unexplained = run.Reconciliation?.Unexplained.ToString() ?? "not reconciled";
        AnsiConsole.MarkupLine(run.Scenario is RunSummary.NormalDay or VisitDayScenario.Name
            ? $"{verdict}: errors {run.Errors} (0), oversell {oversell} (0), acknowledged missing {run.Consistency?.MissingAcknowledged.ToString() ?? "not checked"} (0), unexplained {unexplained} (0)"
            : $"{verdict}: ratio {run.CeilingRatio:P1} (>= 40%), p99 {run.Latency.P99} ms (< 100), errors {run.Errors + run.Rejected} (0), oversell {oversell} (0), unexplained {unexplained} (0)");
    }

    private static IEnumerable<(string, string)> Rows(RunSummary run)
    {
        yield return ("virtual users", $"{run.Users}");
        yield return ("requests", $"{run.Requests}");
        yield return ("holds (201)", $"{run.Holds}");
        yield return ("paid and booked", $"{run.Paid}");
        yield return ("sold out (409)", $"{run.SoldOut}");
        yield return ("not released (409)", $"{run.NotReleased}");
        yield return ("503 + Retry-After", $"{run.Overloaded}");
        yield return ("other refusals", $"{run.Rejected}");
        yield return ("errors", $"{run.Errors}");
        yield return ("seconds", $"{run.Seconds:F3}");
        yield return ("throughput (req/s)", $"{run.Throughput:F0}");
        yield return ("HTTP ceiling (req/s)", run.Ceilings is { } halves
            ? $"{run.CeilingThroughput:F0} (before T0 {halves.BeforeT0:F0}, after {halves.After:F0})"
            : $"{run.CeilingThroughput:F0}");
        yield return ("ratio to ceiling", $"{run.CeilingRatio:P1}");
        yield return ("p50 / p95 / p99 / max (ms)", $"{run.Latency.P50} / {run.Latency.P95} / {run.Latency.P99} / {run.Latency.Max}");
        yield return ("time until sold out (s)", run.SecondsUntilSoldOut is { } s ? $"{s:F3}" : "not sold out");
        if (run.Payments is { } p)
        {
            yield return ("payments at the cashier / booked / declined / other", $"{p.AtCashier} / {p.Booked} / {p.Declined} / {p.Other}");
            yield return ("payment success rate (booked / at the cashier)", $"{p.SuccessRate:P2}");
            yield return ("cashier to booked p50 / p99 (ms)", $"{p.CashierToBooked.P50} / {p.CashierToBooked.P99}");
        }
        if (run.Reconciliation is { } r)
        {
            yield return ("reconciliation payments: gateway / ledger", $"{r.GatewayPayments} / {r.LedgerPayments}");
            yield return ("reconciliation differences by kind", r.DifferencesByKind.Count == 0 ? "none" : string.Join(", ", r.DifferencesByKind.Select(d => $"{d.Key} {d.Value}")));
            yield return ("reconciliation settling / unexplained", $"{r.Settling} / {r.Unexplained}");
        }
        if (run.Writer is { } w)
            yield return ("writer transactions / batches each / mean ms", $"{w.Transactions} / {w.WritesPerTransaction} / {w.MeanTransactionMs}");
        if (run.SharedWriter is { } shared)
            yield return ("shared writer transactions / units each / mean ms", $"{shared.Transactions} / {shared.WritesPerTransaction} / {shared.MeanTransactionMs}");
        foreach (var kind in run.ByKind)
        {
            yield return ($"{kind.Kind}: requests / 2xx / p50 / p99 (ms)", $"{kind.Requests} / {kind.Success} / {kind.Latency.P50} / {kind.Latency.P99}");
            if (kind.Span is { } span) yield return ($"{kind.Kind}: from / until (ms after T0)", $"{span.From} / {span.Until}");
            if (kind.Unexpected is { Count: > 0 } unexpected)
                yield return ($"{kind.Kind}: other refusals and errors", string.Join(", ", unexpected.OrderByDescending(u => u.Value).Select(u => $"{u.Key} {u.Value}")));
        }
        foreach (var row in VisitDayRows(run.VisitDay).Concat(WaitlistRows(run.Waitlist))) yield return row;
        if (run.Consistency is not { } c) yield break;
        yield return ("sessions checked", $"{c.Sessions}");
        yield return ("occupied rows", $"{c.OccupiedRows}");
        yield return ("oversell (double slots + over quota)", $"{c.Oversell}");
        yield return ("acknowledged missing / of", $"{c.MissingAcknowledged} / {c.Acknowledged}");
        yield return ("paid at the gateway, neither booked nor refunded", c.PaidAtGatewayUnsettled?.ToString() ?? "not checked");
        yield return ("counter mismatches", $"{c.CounterMismatches}");
        yield return ("pool batches (sum of session versions)", $"{c.CommittedBatches}");
    }

    private static IEnumerable<(string, string)> VisitDayRows(VisitDayReport? v) => v is null ? [] :
    [
        ("visit day: booked / checked in (late) / never came / completed", $"{v.Booked} / {v.CheckInsAcknowledged} ({v.Late}) / {v.NeverCame} / {v.Completed}"),
        ("visit day: lost check-ins / not visited / duplicated / phantom (0)", $"{v.LostCheckIns} / {v.NotVisited} / {v.DuplicateVisits} / {v.PhantomVisits}"),
        ("visit day: queue vs appointment mismatches (0)", $"{v.QueueMismatches}"),
        .. v.Details.Select(d => ("visit day: evidence", d)),
    ];

    private static IEnumerable<(string, string)> WaitlistRows(WaitlistReport? w) => w is null ? [] :
    [
        ("waitlist: sessions / joined / cancelled / offered", $"{w.Sessions} / {w.Joined} / {w.Cancelled} / {w.Offered}"),
        ("waitlist: returned not offered / out of order / newcomer holds (0)", $"{w.ReturnedNotOffered} / {w.OutOfOrder} / {w.NewcomerHolds}"),
        .. w.Details.Select(d => ("waitlist: evidence", d)),
    ];
}
