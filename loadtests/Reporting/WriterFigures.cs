using System.Globalization;

namespace Hospital.LoadTests.Reporting;

/// <summary>
/// One of the node's writers during a burst, from two scrapes of its <c>/metrics</c>: how many transactions it ran, how
/// many writes they committed (pool batches for the pool writer, units for the shared writer) and how long one took on average.
/// </summary>
public sealed record WriterFigures(long Transactions, long Writes, double MeanTransactionMs)
{
    public double WritesPerTransaction => Transactions > 0 ? Math.Round((double)Writes / Transactions, 1) : 0;

    public static WriterFigures Between(WriterCounters before, WriterCounters after)
    {
        var transactions = (long)(after.Transactions - before.Transactions);
        var durationMs = after.TransactionMs - before.TransactionMs;
        return new(transactions, (long)(after.Writes - before.Writes), transactions > 0 ? Math.Round(durationMs / transactions, 2) : 0);
    }
}

/// <summary>A writer's running totals as one scrape of <c>/metrics</c> (Prometheus text) shows them.</summary>
public sealed record WriterCounters(double Transactions, double Writes, double TransactionMs);

/// <summary>The node's two writers, the pool batch writer and the shared transaction writer, in one scrape.</summary>
public sealed record WriterScrape(WriterCounters Pool, WriterCounters Shared)
{
    public static async Task<WriterScrape> ScrapeAsync(HttpClient http, CancellationToken cancellationToken) =>
        Parse(await http.GetStringAsync("/metrics", cancellationToken));

    /// <summary>
    /// Each name's series summed (a node has one of each, labelled with its meter); a writer that has not run yet has no
    /// series, which counts as zero. The transactions' length is exported in seconds.
    /// </summary>
    public static WriterScrape Parse(string prometheusText)
    {
        var values = prometheusText.Split('\n')
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => (Name: line.Split('{', ' ')[0], Value: SampleValue(line)))
            .GroupBy(sample => sample.Name)
            .ToDictionary(series => series.Key, series => series.Sum(s => double.Parse(s.Value, CultureInfo.InvariantCulture)));
        WriterCounters Writer(string prefix, string writes) => new(values.GetValueOrDefault($"{prefix}_transaction_duration_seconds_count"),
            values.GetValueOrDefault($"{prefix}_{writes}_total"), values.GetValueOrDefault($"{prefix}_transaction_duration_seconds_sum") * 1000);
        return new(Writer("hospital_silo_writer", "batches"), Writer("hospital_silo_shared_writer", "units"));
    }

    /// <summary>The value of a sample line: the first token after its labels, or after its name when it has none.</summary>
    private static string SampleValue(string line) =>
        (line.Contains('}') ? line[(line.LastIndexOf('}') + 1)..] : line[line.IndexOf(' ')..]).Trim().Split(' ')[0];
}
