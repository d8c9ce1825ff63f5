using Hospital.Grains.Abstractions.Runtime;
using Hospital.Grains.Abstractions.Storage;
using Hospital.Silo.Runtime.Catalog;

namespace Hospital.Silo.Runtime.Messaging;

/// <summary>
/// A call of one grain method, queued to the target key's activation. Subclasses hold the typed
/// completion the caller awaits; this class runs the turn, applies the call timeout and routes errors.
/// </summary>
internal abstract class GrainCall : ActivationWorkItem
{
    private readonly string _methodName;
    private readonly TimeSpan _timeoutLength;
    private readonly ITimer? _timeout;
    private ActivationData? _activation;

    protected GrainCall(GrainId target, string methodName, object?[] arguments, GrainCatalog catalog)
    {
        Target = target;
        _methodName = methodName;
        Arguments = arguments;
        _timeoutLength = catalog.Options.CallTimeout;
        if (_timeoutLength != Timeout.InfiniteTimeSpan)
        {
            _timeout = catalog.TimeProvider.CreateTimer(static call => ((GrainCall)call!).OnTimedOut(), this, _timeoutLength, Timeout.InfiniteTimeSpan);
        }
    }

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

    public sealed override void Fail(Exception error)
    {
        _timeout?.Dispose();
        TrySetException(error);
    }

    /// <summary>Invokes the grain method; true when its result was already available and the caller is answered.</summary>
    protected abstract bool Invoke(object grain);

    protected abstract bool TrySetException(Exception error);

    /// <summary>Ends the turn of a call whose task completed asynchronously (the caller is answered already).</summary>
    protected void OnInvocationCompleted() => _activation!.OnTurnCompleted(this);

    /// <summary>Answers the caller with the grain's exception, unchanged.</summary>
    protected void Complete(Exception error)
    {
        _timeout?.Dispose();
        // A version conflict means this activation's state is stale: collect it so the next call reloads.
        if (error is InconsistentStateException) _activation?.RequestDeactivation(DeactivationReason.InconsistentState);
        TrySetException(error);
    }

    /// <summary>Called once the caller has been answered with a result.</summary>
    protected void OnAnswered() => _timeout?.Dispose();

    // The caller stops waiting; the grain's work goes on and its late result is dropped.
    private void OnTimedOut() => TrySetException(new GrainCallTimeoutException(Target, _methodName, _timeoutLength));
}
