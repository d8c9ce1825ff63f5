using System.Diagnostics.Metrics;
using Hospital.Api.Infrastructure.Metrics;

namespace Hospital.Api.Tests.Metrics;

public sealed class PrometheusTextExporterTests : IDisposable
{
    // A prefix of its own keeps every test blind to the meters of other tests running in parallel.
    private readonly string _prefix = $"Hospital.Test.Exporter{Guid.NewGuid():N}.";
    private readonly Meter _meter;
    private readonly PrometheusTextExporter _exporter;

    public PrometheusTextExporterTests()
    {
        _meter = new Meter(_prefix + "Silo");
        _exporter = new PrometheusTextExporter(_prefix);
    }

    public void Dispose()
    {
        _exporter.Dispose();
        _meter.Dispose();
    }

    [Fact]
    public void Counter_IsExportedAsTotalPerLabelSetWithTagsSortedAsLabels()
    {
        var counter = _meter.CreateCounter<long>("hospital.silo.calls", description: "Grain calls made.");
        counter.Add(2, new("outcome", "ok"), new("grain", "pool"));
        counter.Add(3, new("grain", "pool"), new("outcome", "ok"));
        counter.Add(1, new("grain", "patient"), new("outcome", "failed"));

        Assert.Equal(
            """
            # HELP hospital_silo_calls_total Grain calls made.
            # TYPE hospital_silo_calls_total counter
            hospital_silo_calls_total{grain="patient",outcome="failed"} 1
            hospital_silo_calls_total{grain="pool",outcome="ok"} 5

            """.ReplaceLineEndings("\n"),
            _exporter.Export());
    }

    [Fact]
    public void UpDownCounterAndObservableGauge_AreExportedAsGaugesWithoutHelpWhenUndescribed()
    {
        var activations = _meter.CreateUpDownCounter<int>("hospital.silo.activations");
        activations.Add(5);
        activations.Add(-2);
        _meter.CreateObservableGauge("hospital.silo.mailbox-depth", () => new Measurement<double>(0.5, new KeyValuePair<string, object?>("grain.type", "pool")));

        Assert.Equal(
            """
            # TYPE hospital_silo_activations gauge
            hospital_silo_activations 3
            # TYPE hospital_silo_mailbox_depth gauge
            hospital_silo_mailbox_depth{grain_type="pool"} 0.5

            """.ReplaceLineEndings("\n"),
            _exporter.Export());
    }

    [Fact]
    public void Histogram_IsExportedAsCumulativeMillisecondBucketsSumAndCount()
    {
        var latency = _meter.CreateHistogram<double>("hospital.silo.turn.duration", unit: "ms", description: "Turn latency.");
        latency.Record(0.5);
        latency.Record(7);
        latency.Record(20_000);

        Assert.Equal(
            """
            # HELP hospital_silo_turn_duration Turn latency.
            # TYPE hospital_silo_turn_duration histogram
            hospital_silo_turn_duration_bucket{le="1"} 1
            hospital_silo_turn_duration_bucket{le="2.5"} 1
            hospital_silo_turn_duration_bucket{le="5"} 1
            hospital_silo_turn_duration_bucket{le="10"} 2
            hospital_silo_turn_duration_bucket{le="25"} 2
            hospital_silo_turn_duration_bucket{le="50"} 2
            hospital_silo_turn_duration_bucket{le="100"} 2
            hospital_silo_turn_duration_bucket{le="250"} 2
            hospital_silo_turn_duration_bucket{le="500"} 2
            hospital_silo_turn_duration_bucket{le="1000"} 2
            hospital_silo_turn_duration_bucket{le="2500"} 2
            hospital_silo_turn_duration_bucket{le="5000"} 2
            hospital_silo_turn_duration_bucket{le="10000"} 2
            hospital_silo_turn_duration_bucket{le="+Inf"} 3
            hospital_silo_turn_duration_sum 20007.5
            hospital_silo_turn_duration_count 3

            """.ReplaceLineEndings("\n"),
            _exporter.Export());
    }

    [Fact]
    public void HistogramWithTags_PutsLeAfterTheTagLabels()
    {
        var latency = _meter.CreateHistogram<long>("commit.ms");
        latency.Record(3, new KeyValuePair<string, object?>("store", "sqlite"));

        var text = _exporter.Export();

        Assert.Contains("commit_ms_bucket{store=\"sqlite\",le=\"2.5\"} 0\n", text);
        Assert.Contains("commit_ms_bucket{store=\"sqlite\",le=\"5\"} 1\n", text);
        Assert.Contains("commit_ms_sum{store=\"sqlite\"} 3\n", text);
        Assert.Contains("commit_ms_count{store=\"sqlite\"} 1\n", text);
    }

    [Fact]
    public void ObservableCounter_ReportsTheObservedTotalInsteadOfAddingItUp()
    {
        _meter.CreateObservableCounter("hospital.silo.collected", () => 10L);

        _exporter.Export();

        Assert.EndsWith("hospital_silo_collected_total 10\n", _exporter.Export());
    }

    [Fact]
    public void LabelValues_AreEscapedAndNonStringTagsFormattedInvariantly()
    {
        var counter = _meter.CreateCounter<int>("errors");
        counter.Add(1, new("reason", "say \"hi\"\\\nbye"), new("ratio", 1.5), new("retried", true));

        Assert.Contains("errors_total{ratio=\"1.5\",reason=\"say \\\"hi\\\"\\\\\\nbye\",retried=\"true\"} 1\n", _exporter.Export());
    }

    [Fact]
    public void MetersOutsideThePrefix_AreIgnored()
    {
        using var other = new Meter("Other." + _prefix);
        other.CreateCounter<int>("foreign").Add(1);

        Assert.Equal("", _exporter.Export());
    }

    [Fact]
    public void InstrumentsOfADisposedMeter_AreNoLongerExported()
    {
        var meter = new Meter(_prefix + "Short");
        meter.CreateCounter<int>("short.lived").Add(1);
        meter.Dispose();

        Assert.DoesNotContain("short_lived", _exporter.Export());
    }

    [Fact]
    public async Task ConcurrentMeasurements_FromManyThreads_AreAllCounted()
    {
        var counter = _meter.CreateCounter<double>("concurrent.adds");
        var histogram = _meter.CreateHistogram<int>("concurrent.records");
        var start = new ManualResetEventSlim();

        var workers = Enumerable.Range(0, 8).Select(worker => Task.Run(() =>
        {
            start.Wait();
            for (var i = 0; i < 20_000; i++)
            {
                counter.Add(0.5, new KeyValuePair<string, object?>("worker", worker % 2));
                histogram.Record(i % 3);
            }
        })).ToArray();
        start.Set();
        await Task.WhenAll(workers);

        var text = _exporter.Export();
        Assert.Contains("concurrent_adds_total{worker=\"0\"} 40000\n", text);
        Assert.Contains("concurrent_adds_total{worker=\"1\"} 40000\n", text);
        Assert.Contains("concurrent_records_count 160000\n", text);
        Assert.Contains("concurrent_records_sum 159992\n", text);
    }
}
