using Spectre.Console;

namespace Hospital.LoadTests.Reporting;

/// <summary>Several runs of one scenario side by side, with the median of each figure: the numbers a report quotes.</summary>
public static class MedianTable
{
    public static void Write(IReadOnlyList<RunSummary> runs)
    {
        var table = new Table().Title($"{runs[0].Scenario}: {runs.Count} runs").AddColumn("Figure");
        foreach (var run in runs) table.AddColumn(new TableColumn($"{run.Backend} {run.StartedAt:HH:mm:ss}").RightAligned());
        table.AddColumn(new TableColumn("median").RightAligned());
        Row(table, runs, "requests", r => r.Requests);
        Row(table, runs, "holds (201)", r => r.Holds);
        Row(table, runs, "paid and booked", r => r.Paid);
        Row(table, runs, "sold out", r => r.SoldOut);
        Row(table, runs, "503 + Retry-After", r => r.Overloaded);
        Row(table, runs, "errors + other refusals", r => r.Errors + r.Rejected);
        Row(table, runs, "throughput (req/s)", r => r.Throughput);
        Row(table, runs, "HTTP ceiling (req/s)", r => r.CeilingThroughput);
        Row(table, runs, "ratio to ceiling", r => r.CeilingRatio);
        Row(table, runs, "p50 (ms)", r => r.Latency.P50);
        Row(table, runs, "p95 (ms)", r => r.Latency.P95);
        Row(table, runs, "p99 (ms)", r => r.Latency.P99);
        Row(table, runs, "max (ms)", r => r.Latency.Max);
        Row(table, runs, "hold p99 (ms)", r => KindP99(r, "hold"));
        Row(table, runs, "order p99 (ms)", r => KindP99(r, "order"));
        Row(table, runs, "payments at the cashier", r => r.Payments?.AtCashier ?? double.NaN);
        Row(table, runs, "payment success rate", r => r.Payments?.SuccessRate ?? double.NaN);
        Row(table, runs, "cashier to booked p99 (ms)", r => r.Payments?.CashierToBooked.P99 ?? double.NaN);
        Row(table, runs, "time until sold out (s)", r => r.SecondsUntilSoldOut ?? double.NaN);
        Row(table, runs, "oversell", r => r.Consistency?.Oversell ?? double.NaN);
        Row(table, runs, "acknowledged missing", r => r.Consistency?.MissingAcknowledged ?? double.NaN);
        Row(table, runs, "paid at gateway, not booked or refunded", r => r.Consistency?.PaidAtGatewayUnsettled ?? double.NaN);
        Row(table, runs, "counter mismatches", r => r.Consistency?.CounterMismatches ?? double.NaN);
        Row(table, runs, "reconciliation differences", r => r.Reconciliation?.DifferencesByKind.Values.Sum() ?? double.NaN);
        Row(table, runs, "reconciliation unexplained", r => r.Reconciliation?.Unexplained ?? double.NaN);
        Row(table, runs, "pool batches", r => r.Consistency?.CommittedBatches ?? double.NaN);
        Row(table, runs, "writer transactions", r => r.Writer?.Transactions ?? double.NaN);
        Row(table, runs, "pool batches per transaction", r => r.Writer?.WritesPerTransaction ?? double.NaN);
        Row(table, runs, "mean transaction (ms)", r => r.Writer?.MeanTransactionMs ?? double.NaN);
        Row(table, runs, "shared writer transactions", r => r.SharedWriter?.Transactions ?? double.NaN);
        Row(table, runs, "units per shared transaction", r => r.SharedWriter?.WritesPerTransaction ?? double.NaN);
        Row(table, runs, "mean shared transaction (ms)", r => r.SharedWriter?.MeanTransactionMs ?? double.NaN);
        table.AddRow(["goal met", .. runs.Select(r => r.GoalMet ? "yes" : "no"), $"{runs.Count(r => r.GoalMet)}/{runs.Count}"]);
        AnsiConsole.Write(table);
    }

    /// <summary>The middle value (mean of the two middle ones for an even count).</summary>
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0) return double.NaN;
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    // Results files written before the per-kind figures existed have none.
    private static double KindP99(RunSummary run, string kind) =>
        (run.ByKind ?? []).FirstOrDefault(k => k.Kind == kind)?.Latency.P99 ?? double.NaN;

    private static void Row(Table table, IReadOnlyList<RunSummary> runs, string name, Func<RunSummary, double> figure)
    {
        var values = runs.Select(figure).ToList();
        table.AddRow([name, .. values.Select(Format), Format(Median(values))]);
    }

    private static string Format(double value) => double.IsNaN(value) ? "-" : value % 1 == 0 ? $"{value:F0}" : $"{value:0.###}";
}
