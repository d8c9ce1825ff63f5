using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Text;

namespace Hospital.Api.Infrastructure.Metrics;

/// <summary>
/// Aggregates one instrument's measurements per label set and writes them as one Prometheus family:
/// counters as <c>_total</c>, up-down counters and gauges as gauges, histograms as buckets.
/// </summary>
internal sealed class InstrumentAggregator
{
    private readonly ConcurrentDictionary<string, ValueSeries> _values = new();
    private readonly ConcurrentDictionary<string, HistogramSeries> _histograms = new();
    // How a measurement changes a counter or gauge series; null for histograms.
    private readonly Action<ValueSeries, double>? _apply;

    private InstrumentAggregator(Instrument instrument, string type, string name, Action<ValueSeries, double>? apply)
    {
        Type = type;
        Name = name;
        Help = instrument.Description;
        IsObservable = instrument.IsObservable;
        _apply = apply;
    }

    /// <summary>The exported family name, e.g. <c>hospital_silo_calls_total</c>.</summary>
    public string Name { get; }

    public string Type { get; }

    public string? Help { get; }

    /// <summary>Observable instruments report a full snapshot on each collection, so old label sets are dropped first.</summary>
    public bool IsObservable { get; }

    public static InstrumentAggregator? TryCreate(Instrument instrument)
    {
        if (!instrument.GetType().IsGenericType)
        {
            return null;
        }
        var baseName = PrometheusFormat.MetricName(instrument.Name);
        var counterName = baseName.EndsWith("_total", StringComparison.Ordinal) ? baseName : baseName + "_total";
        // Observable counters report the running total itself, so it replaces the value instead of adding to it.
        Action<ValueSeries, double> add = static (series, value) => series.Add(value);
        Action<ValueSeries, double> set = static (series, value) => series.Set(value);
        var definition = instrument.GetType().GetGenericTypeDefinition();
        return definition switch
        {
            _ when definition == typeof(Counter<>) => new(instrument, "counter", counterName, add),
            _ when definition == typeof(ObservableCounter<>) => new(instrument, "counter", counterName, set),
            _ when definition == typeof(UpDownCounter<>) => new(instrument, "gauge", baseName, add),
            _ when definition == typeof(ObservableUpDownCounter<>) || definition == typeof(ObservableGauge<>)
                || definition == typeof(Gauge<>) => new(instrument, "gauge", baseName, set),
            _ when definition == typeof(Histogram<>) => new(instrument, "histogram", baseName, apply: null),
            _ => null,
        };
    }

    public void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var labels = PrometheusFormat.Labels(tags);
        if (_apply is null)
        {
            _histograms.GetOrAdd(labels, static _ => new HistogramSeries()).Record(value);
        }
        else
        {
            _apply(_values.GetOrAdd(labels, static _ => new ValueSeries()), value);
        }
    }

    public void ClearSeries() => _values.Clear();

    /// <summary>Appends this instrument's sample lines, sorted by label set, without the HELP/TYPE header.</summary>
    public void WriteSamples(StringBuilder text)
    {
        foreach (var (labels, series) in _values.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            text.Append(Name).Append(PrometheusFormat.LabelSet(labels)).Append(' ').Append(PrometheusFormat.Value(series.Value)).Append('\n');
        }
        foreach (var (labels, series) in _histograms.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            WriteHistogram(text, labels, series);
        }
    }

    private void WriteHistogram(StringBuilder text, string labels, HistogramSeries series)
    {
        var cumulative = series.CumulativeCounts();
        for (var i = 0; i < cumulative.Length; i++)
        {
            var bound = i < HistogramBuckets.UpperBoundsMs.Length ? HistogramBuckets.UpperBoundsMs[i] : double.PositiveInfinity;
            var le = $"le=\"{PrometheusFormat.Value(bound)}\"";
            text.Append(Name).Append("_bucket").Append(PrometheusFormat.LabelSet(labels, le)).Append(' ').Append(cumulative[i]).Append('\n');
        }
        var labelSet = PrometheusFormat.LabelSet(labels);
        text.Append(Name).Append("_sum").Append(labelSet).Append(' ').Append(PrometheusFormat.Value(series.Sum)).Append('\n');
        text.Append(Name).Append("_count").Append(labelSet).Append(' ').Append(cumulative[^1]).Append('\n');
    }
}
