using System.Globalization;

namespace Hospital.LoadTests.Reporting;

/// <summary>
/// The node's group commit during a burst, from two scrapes of its <c>/metrics</c>: how many transactions the batch writer
/// ran, how many pool batches they committed, and how long one took on average.
/// </summary>
public sealed record WriterFigures(long Transactions, long Batches, double MeanTransactionMs)
{
    public double BatchesPerTransaction => Transactions > 0 ? Math.Round((double)Batches / Transactions, 1) : 0;

    public static WriterFigures Between(WriterCounters before, WriterCounters after)
    {
        var transactions = (long)(after.Transactions - before.Transactions);
        var durationMs = after.TransactionMs - before.TransactionMs;
        return new(transactions, (long)(after.Batches - before.Batches), transactions > 0 ? Math.Round(durationMs / transactions, 2) : 0);
    }
}

/// <summary>The writer's running totals as one scrape of <c>/metrics</c> (Prometheus text) shows them.</summary>
public sealed record WriterCounters(double Transactions, double Batches, double TransactionMs)
{
    public static async Task<WriterCounters> ScrapeAsync(HttpClient http, CancellationToken cancellationToken) =>
        Parse(await http.GetStringAsync("/metrics", cancellationToken));

    /// <summary>
    /// Each name's series summed (a node has one of each, labelled with its meter); a writer that has not run yet has no
    /// series, which counts as zero. The transactions' length is exported in seconds.
    /// </summary>
    public static WriterCounters Parse(string prometheusText)
    {
        var values = prometheusText.Split('\n')
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => (Name: line.Split('{', ' ')[0], Value: SampleValue(line)))
            .GroupBy(sample => sample.Name)
            .ToDictionary(series => series.Key, series => series.Sum(s => double.Parse(s.Value, CultureInfo.InvariantCulture)));
        double Value(string name) => values.GetValueOrDefault(name);
        return new(Value("hospital_silo_writer_transaction_duration_seconds_count"), Value("hospital_silo_writer_batches_total"),
            Value("hospital_silo_writer_transaction_duration_seconds_sum") * 1000);
    }

    /// <summary>The value of a sample line: the first token after its labels, or after its name when it has none.</summary>
    private static string SampleValue(string line) =>
        (line.Contains('}') ? line[(line.LastIndexOf('}') + 1)..] : line[line.IndexOf(' ')..]).Trim().Split(' ')[0];
}
