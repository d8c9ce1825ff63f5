using System.Diagnostics.Metrics;

namespace Hospital.Silo.Runtime.Metrics;

/// <summary>
/// The runtime's instruments on the "Hospital.Silo" meter. Created through <see cref="IMeterFactory"/>,
/// so each service provider (and each test host) has its own meter instance.
/// </summary>
internal sealed class SiloMetrics
{
    private readonly Meter _meter;
    private readonly Counter<long> _calls;
    private readonly Histogram<double> _turnDuration;
    private long _activations;

    public SiloMetrics(IMeterFactory meterFactory)
    {
        _meter = meterFactory.Create(SiloMeterNames.Meter);
        _calls = _meter.CreateCounter<long>(SiloMeterNames.Calls, "{call}", "Grain calls started.");
        _turnDuration = _meter.CreateHistogram<double>(SiloMeterNames.TurnDuration, "ms", "Length of a turn: a whole call including its awaits, or a timer tick.");
        _meter.CreateObservableGauge(SiloMeterNames.Activations, () => Volatile.Read(ref _activations), "{activation}", "Activations currently in the catalog and activated.");
    }

    /// <summary>Publishes the total mailbox depth; the catalog owns the mailboxes.</summary>
    public void ObserveMailboxDepth(Func<long> queuedCalls) =>
        _meter.CreateObservableGauge(SiloMeterNames.MailboxDepth, queuedCalls, "{call}", "Calls waiting in all activations' mailboxes.");

    public void CallStarted() => _calls.Add(1);

    public void TurnEnded(TimeSpan duration) => _turnDuration.Record(duration.TotalMilliseconds);

    public void ActivationAdded() => Interlocked.Increment(ref _activations);

    public void ActivationRemoved() => Interlocked.Decrement(ref _activations);
}
