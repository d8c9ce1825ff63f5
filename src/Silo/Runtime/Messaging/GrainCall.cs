using Hospital.Grains.Abstractions.Runtime;
using Hospital.Grains.Abstractions.Storage;
using Hospital.Silo.Runtime.Catalog;

namespace Hospital.Silo.Runtime.Messaging;

/// <summary>
/// A call of one grain method, queued to the target key's activation. Subclasses hold the typed
/// completion the caller awaits; this class runs the turn and routes errors. Timeouts are
/// applied by the catalog's periodic sweep (<see cref="GrainCatalog.TimeOutOverdueCalls"/>): one timer per call costs too much.
/// </summary>
internal abstract class GrainCall : ActivationWorkItem
{
    private readonly string _methodName;
    private readonly TimeSpan _timeout;
    private ActivationData? _activation;

    protected GrainCall(GrainId target, string methodName, object?[] arguments, GrainCatalog catalog)
    {
        Target = target;
        _methodName = methodName;
        Arguments = arguments;
        _timeout = catalog.Options.CallTimeout;
        MadeInSweep = catalog.CompletedTimeoutSweeps;
    }

    /// <summary>How many call-timeout sweeps had run when the caller made the call: a cheap clock for the timeout.</summary>
    public int MadeInSweep { get; }

    /// <summary>Where <see cref="RunningCalls"/> keeps this call while it runs.</summary>
    public int RunningSlot { get; set; }

    public GrainId Target { get; }

    protected object?[] Arguments { get; }

    public sealed override bool Start(ActivationData activation)
    {
        _activation = activation;
        activation.Metrics.CallStarted();
        try
        {
            return Invoke(activation.GrainInstance);
        }
        catch (Exception error)
        {
            // The grain method threw before returning a task.
            Complete(error);
            return true;
        }
    }

    public sealed override void Reroute(GrainCatalog catalog) => catalog.Deliver(this, enforceMailboxBound: false);

    public sealed override void Fail(Exception error) => TrySetException(error);

    /// <summary>Answers the caller with a timeout error; the grain's work goes on and its late result is dropped.</summary>
    public void TimeOut()
    {
        if (!IsAnswered) TrySetException(new GrainCallTimeoutException(Target, _methodName, _timeout));
    }

    /// <summary>Invokes the grain method; true when its result was already available and the caller is answered.</summary>
    protected abstract bool Invoke(object grain);

    protected abstract bool IsAnswered { get; }

    protected abstract bool TrySetException(Exception error);

    /// <summary>Ends the turn of a call whose task completed asynchronously (the caller is answered already).</summary>
    protected void OnInvocationCompleted() => _activation!.OnTurnCompleted(this);

    /// <summary>Answers the caller with the grain's exception, unchanged.</summary>
    protected void Complete(Exception error)
    {
        // A version conflict means this activation's state is stale: collect it so the next call reloads.
        if (error is InconsistentStateException) _activation?.RequestDeactivation(DeactivationReason.InconsistentState);
        TrySetException(error);
    }
}
