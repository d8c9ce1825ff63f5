using System.Collections.Concurrent;
using Hospital.Grains.Abstractions.Runtime;
using Hospital.Silo.Runtime.Configuration;
using Hospital.Silo.Runtime.Messaging;
using Hospital.Silo.Runtime.Metrics;
using Hospital.Silo.Runtime.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hospital.Silo.Runtime.Catalog;

/// <summary>
/// The single activation of one grain key: its grain instance, DI scope, mailbox, scheduler and timers.
/// Invariants:
/// - Grain code, lifecycle code and the mailbox pump run only as tasks of <see cref="_scheduler"/>
///   (concurrency one), so the fields marked "scheduler only" are never touched by two threads at once.
/// - Other threads only enqueue work (<see cref="TryEnqueue"/>), request a pump or request deactivation,
///   all through atomic operations on the fields marked "any thread".
/// - The state only moves forward (see <see cref="ActivationState"/>); once Invalid, every queued call is
///   rerouted to the key's next activation, so no accepted call is lost.
/// - The constructor has no side effects: the catalog may build and drop spare instances when
///   callers race on a cold key; only the instance that wins the catalog entry ever runs.
/// </summary>
internal sealed partial class ActivationData : IGrainContext
{
    private readonly GrainCatalog _catalog;
    private readonly Type _grainClass;
    private readonly bool _isReentrant;
    private readonly ActivationTaskScheduler _scheduler = new();
    private readonly ConcurrentQueue<ActivationWorkItem> _mailbox = new();
    private readonly ILogger _logger;

    private int _state;                  // any thread: ActivationState
    private int _queued;                 // any thread: calls in _mailbox
    private int _pumpRequested;          // any thread: 1 while a pump task is queued
    private int _requestedDeactivation;  // any thread: 0, or 1 + DeactivationReason
    private long _lastTurnEndedAt;       // written on the scheduler, read by the collector
    private int _turnsRunning;           // scheduler only
    private AsyncServiceScope _scope;    // scheduler only
    private Grain? _grain;               // scheduler only

    public ActivationData(GrainId grainId, GrainCatalog catalog)
    {
        GrainId = grainId;
        _catalog = catalog;
        _grainClass = catalog.Registry.GetGrainClass(grainId.Interface);
        _isReentrant = GrainTypeRegistry.IsReentrant(_grainClass);
        _logger = catalog.ActivationLogger;
    }

    public GrainId GrainId { get; }

    public IGrainFactory GrainFactory => _catalog.Factory;

    public ActivationState State => (ActivationState)Volatile.Read(ref _state);

    /// <summary>Calls waiting in the mailbox (not counting the ones running).</summary>
    public int QueuedCount => Volatile.Read(ref _queued);

    public SiloRuntimeOptions Options => _catalog.Options;

    public SiloMetrics Metrics => _catalog.Metrics;

    /// <summary>The grain; only valid on the scheduler while Valid.</summary>
    public Grain GrainInstance => _grain!;

    public void DeactivateOnIdle() => RequestDeactivation(DeactivationReason.ApplicationRequested);

    public override string ToString() => $"Activation {GrainId} ({State})";

    // Full fence: after becoming Invalid the mailbox is drained, and that read must not move before the write
    // (an enqueuer checks the state after enqueueing; one of the two must see the other).
    private void SetState(ActivationState state) => Interlocked.Exchange(ref _state, (int)state);
}
