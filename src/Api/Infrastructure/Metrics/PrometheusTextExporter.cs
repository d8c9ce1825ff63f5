using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Text;

namespace Hospital.Api.Infrastructure.Metrics;

/// <summary>
/// Listens to every <see cref="Meter"/> whose name starts with a prefix (default <c>Hospital.</c>)
/// from construction on, and renders what it aggregated in the Prometheus text format 0.0.4.
/// </summary>
public sealed class PrometheusTextExporter : IDisposable
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    private readonly ConcurrentDictionary<Instrument, InstrumentAggregator> _instruments = new();
    private readonly MeterListener _listener = new();
    // One export at a time: an export clears and re-collects the observable instruments.
    private readonly Lock _exportLock = new();

    public PrometheusTextExporter(string meterNamePrefix = "Hospital.")
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name.StartsWith(meterNamePrefix, StringComparison.Ordinal)
                && InstrumentAggregator.TryCreate(instrument) is { } aggregator)
            {
                _instruments[instrument] = aggregator;
                listener.EnableMeasurementEvents(instrument, aggregator);
            }
        };
        _listener.MeasurementsCompleted = (instrument, _) => _instruments.TryRemove(instrument, out InstrumentAggregator? _);
        _listener.SetMeasurementEventCallback<byte>((_, value, tags, state) => Record(state, value, tags));
        _listener.SetMeasurementEventCallback<short>((_, value, tags, state) => Record(state, value, tags));
        _listener.SetMeasurementEventCallback<int>((_, value, tags, state) => Record(state, value, tags));
        _listener.SetMeasurementEventCallback<long>((_, value, tags, state) => Record(state, value, tags));
        _listener.SetMeasurementEventCallback<float>((_, value, tags, state) => Record(state, value, tags));
        _listener.SetMeasurementEventCallback<double>((_, value, tags, state) => Record(state, value, tags));
        _listener.SetMeasurementEventCallback<decimal>((_, value, tags, state) => Record(state, (double)value, tags));
        _listener.Start();
    }

    /// <summary>Collects the observable instruments and renders every family, sorted by name.</summary>
    public string Export()
    {
        lock (_exportLock)
        {
            foreach (var aggregator in _instruments.Values.Where(aggregator => aggregator.IsObservable))
            {
                aggregator.ClearSeries();
            }
            _listener.RecordObservableInstruments();

            var text = new StringBuilder();
            string? previousName = null;
            foreach (var aggregator in _instruments.Values.OrderBy(aggregator => aggregator.Name, StringComparer.Ordinal))
            {
                // Two meters may publish the same instrument name (e.g. one per host); write its header once.
                if (aggregator.Name != previousName)
                {
                    WriteHeader(text, aggregator);
                    previousName = aggregator.Name;
                }
                aggregator.WriteSamples(text);
            }
            return text.ToString();
        }
    }

    public void Dispose() => _listener.Dispose();

    private static void Record(object? state, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags) =>
        ((InstrumentAggregator)state!).Record(value, tags);

    private static void WriteHeader(StringBuilder text, InstrumentAggregator aggregator)
    {
        if (!string.IsNullOrEmpty(aggregator.Help))
        {
            text.Append("# HELP ").Append(aggregator.Name).Append(' ').Append(PrometheusFormat.EscapeHelp(aggregator.Help)).Append('\n');
        }
        text.Append("# TYPE ").Append(aggregator.Name).Append(' ').Append(aggregator.Type).Append('\n');
    }
}
