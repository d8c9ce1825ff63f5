using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Hospital.Silo.Storage;

namespace Hospital.Silo.Tests;

/// <summary>Listens to the "Hospital.Silo" meter of one service provider only (tests run in parallel).</summary>
internal sealed class RecordedMetrics : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<double>> _measurements = new();

    public RecordedMetrics(IMeterFactory meterFactory)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == WriterMetrics.Meter && instrument.Meter.Scope == meterFactory) listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => Add(instrument, value));
        _listener.SetMeasurementEventCallback<double>((instrument, value, _, _) => Add(instrument, value));
        _listener.Start();
    }

    public void Observe() => _listener.RecordObservableInstruments();

    public double Sum(string instrument) => Values(instrument).Sum();

    public int Count(string instrument) => Values(instrument).Count;

    public double Last(string instrument) => Values(instrument).Last();

    public void Dispose() => _listener.Dispose();

    private List<double> Values(string instrument) => [.. _measurements.GetOrAdd(instrument, _ => new())];

    private void Add(Instrument instrument, double value) => _measurements.GetOrAdd(instrument.Name, _ => new()).Enqueue(value);
}
