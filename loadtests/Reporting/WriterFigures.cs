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

    /// <summary>Series without labels only; a writer that has not run yet has no series, which counts as zero.</summary>
    public static WriterCounters Parse(string prometheusText)
    {
        var values = prometheusText.Split('\n')
            .Select(line => line.Split(' '))
            .Where(parts => parts.Length == 2 && !parts[0].StartsWith('#'))
            .ToDictionary(parts => parts[0], parts => double.Parse(parts[1], CultureInfo.InvariantCulture));
        double Value(string name) => values.GetValueOrDefault(name);
        return new(Value("hospital_silo_writer_transaction_duration_count"), Value("hospital_silo_writer_batches_total"),
            Value("hospital_silo_writer_transaction_duration_sum"));
    }
}
