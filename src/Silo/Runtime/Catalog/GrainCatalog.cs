using System.Collections.Concurrent;
using Hospital.Grains.Abstractions.Runtime;
using Hospital.Silo.Runtime.Configuration;
using Hospital.Silo.Runtime.Messaging;
using Hospital.Silo.Runtime.Metrics;
using Hospital.Silo.Runtime.References;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hospital.Silo.Runtime.Catalog;

/// <summary>
/// The directory of live activations, one per grain id, and the entry point of every call.
/// Invariant: an activation is in <see cref="_activations"/> from before its first turn until its
/// deactivation has finished, so two activations of one key never run grain code at the same time.
/// </summary>
internal sealed class GrainCatalog : IDisposable
{
    // Call timeouts are enforced by a sweep this many times per timeout length (a timer per call would cost more
    // than the call), so a call fails between CallTimeout and CallTimeout * (1 + 1/TimeoutSweepsPerCallTimeout).
    private const int TimeoutSweepsPerCallTimeout = 10;

    private readonly ConcurrentDictionary<GrainId, ActivationData> _activations = new();
    private readonly ITimer? _timeoutSweep;
    private int _completedTimeoutSweeps;

    public GrainCatalog(
        GrainTypeRegistry registry,
        IServiceProvider services,
        IOptions<SiloRuntimeOptions> options,
        TimeProvider timeProvider,
        SiloMetrics metrics,
        ILogger<ActivationData> activationLogger)
    {
        Registry = registry;
        Services = services;
        Options = options.Value;
        TimeProvider = timeProvider;
        Metrics = metrics;
        ActivationLogger = activationLogger;
        Factory = new GrainFactory(this);
        metrics.ObserveMailboxDepth(() => _activations.Values.Sum(activation => (long)activation.QueuedCount));
        if (Options.CallTimeout != Timeout.InfiniteTimeSpan)
        {
            var period = Options.CallTimeout / TimeoutSweepsPerCallTimeout;
            _timeoutSweep = timeProvider.CreateTimer(static catalog => ((GrainCatalog)catalog!).TimeOutOverdueCalls(), this, period, period);
        }
    }

    public GrainTypeRegistry Registry { get; }

    public IServiceProvider Services { get; }

    public SiloRuntimeOptions Options { get; }

    public TimeProvider TimeProvider { get; }

    public SiloMetrics Metrics { get; }

    public ILogger ActivationLogger { get; }

    public IGrainFactory Factory { get; }

    /// <summary>Timeout sweeps run so far; a call records it as the time it was made.</summary>
    public int CompletedTimeoutSweeps => Volatile.Read(ref _completedTimeoutSweeps);

    /// <summary>Queues <paramref name="item"/> to its key's activation, creating the activation if there is none.</summary>
    public void Deliver(GrainCall item, bool enforceMailboxBound)
    {
        while (true)
        {
            // GetOrAdd may build spare ActivationData instances under a race; only the stored one is ever used.
            var activation = _activations.GetOrAdd(item.Target, static (id, catalog) => new ActivationData(id, catalog), this);
            switch (activation.TryEnqueue(item, enforceMailboxBound))
            {
                case EnqueueResult.Accepted:
                    return;
                case EnqueueResult.Overloaded:
                    item.Fail(new GrainOverloadedException(item.Target, activation.QueuedCount, Options.OverloadRetryAfter));
                    return;
                case EnqueueResult.Gone:
                    // It left the catalog before becoming Invalid; the next lookup creates a fresh one.
                    continue;
            }
        }
    }

    /// <summary>The live activation of <paramref name="grainId"/>, if any (for tests and diagnostics).</summary>
    public ActivationData? Find(GrainId grainId) => _activations.GetValueOrDefault(grainId);

    /// <summary>Removes exactly this activation (not a successor that may already have replaced it).</summary>
    public void Remove(ActivationData activation) =>
        _activations.TryRemove(new KeyValuePair<GrainId, ActivationData>(activation.GrainId, activation));

    /// <summary>Asks every activation idle for longer than the configured age to deactivate.</summary>
    public void CollectIdleActivations()
    {
        foreach (var activation in _activations.Values)
        {
            if (activation.IsIdleFor(Options.IdleCollectionAge)) activation.RequestDeactivation(DeactivationReason.IdleCollection);
        }
    }

    /// <summary>Answers every call older than the call timeout with a timeout error.</summary>
    public void TimeOutOverdueCalls()
    {
        // A call made during sweep interval m is at least TimeoutSweepsPerCallTimeout intervals old at sweep m + 1 + that.
        var sweep = Interlocked.Increment(ref _completedTimeoutSweeps);
        var madeBy = sweep - TimeoutSweepsPerCallTimeout - 1;
        foreach (var activation in _activations.Values) activation.TimeOutCallsMadeBy(madeBy);
    }

    public void Dispose() => _timeoutSweep?.Dispose();

    /// <summary>Deactivates every activation and waits until they are all gone.</summary>
    public async Task DeactivateAllAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        var activations = _activations.Values.ToArray();
        foreach (var activation in activations) activation.RequestDeactivation(reason);
        await Task.WhenAll(activations.Select(activation => activation.Deactivated)).WaitAsync(cancellationToken);
    }
}
