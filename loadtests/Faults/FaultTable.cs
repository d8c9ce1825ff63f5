using Spectre.Console;

namespace Hospital.LoadTests.Faults;

/// <summary>The fault suite's table, one row per fault, then any refusals, then every failure with its evidence.</summary>
public static class FaultTable
{
    public static void Write(IReadOnlyList<FaultResult> results)
    {
        var table = new Table().Title("fault suite").AddColumn("fault");
        foreach (var column in new[] { "acknowledged (holds / paid)", "found (holds / paid)", "acknowledged before / after the fault", "oversold",
                     "counter mismatches", "500s", "503s", "unanswered", "seconds" })
            table.AddColumn(new TableColumn(column).RightAligned());
        table.AddColumn("result");
        foreach (var r in results)
        {
            table.AddRow(Markup.Escape(r.Fault), $"{r.Holds} / {r.Paid}", $"{r.HoldsFound} / {r.PaidFound}",
                $"{r.AcknowledgedBeforeFault} / {r.AcknowledgedAfterFault}", $"{r.Oversold}", $"{r.CounterMismatches}", $"{r.ServerErrors}",
                $"{r.Unavailable}", $"{r.Unanswered}", $"{r.Seconds:F1}", r.Passed ? "[green]passed[/]" : "[red]FAILED[/]");
        }
        AnsiConsole.Write(table);
        foreach (var r in results.Where(r => r.Refusals is { Count: > 0 }))
            AnsiConsole.WriteLine($"{r.Fault} refusals (not failures): {string.Join(", ", r.Refusals!.Select(p => $"{p.Key} × {p.Value}"))}");
        foreach (var r in results.Where(r => !r.Passed))
        {
            AnsiConsole.MarkupLineInterpolated($"[red]{r.Fault} failed:[/]");
            foreach (var failure in r.Failures) AnsiConsole.WriteLine("  " + failure);
        }
    }
}
