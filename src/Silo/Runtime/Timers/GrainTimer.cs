using Hospital.Grains.Abstractions.Runtime;
using Hospital.Silo.Runtime.Catalog;
using Hospital.Silo.Runtime.Messaging;

namespace Hospital.Silo.Runtime.Timers;

/// <summary>
/// A grain timer whose ticks are turns of its activation, queued to the mailbox like calls.
/// Invariant: at most one tick is queued or running (<see cref="_tickInFlight"/>); the next tick is
/// armed only when the previous one has completed, so ticks never overlap, even in a reentrant grain.
/// The timer itself is the mailbox item, so ticking allocates nothing.
/// </summary>
internal sealed class GrainTimer : ActivationWorkItem, IGrainTimer
{
    private readonly ActivationData _activation;
    private readonly Func<CancellationToken, Task> _callback;
    private readonly ITimer _timer;
    private readonly CancellationTokenSource _stopped = new();
    private readonly Lock _gate = new();
    private TimeSpan _period = Timeout.InfiniteTimeSpan;
    private int _tickInFlight;
    private Task? _pending;

    public GrainTimer(ActivationData activation, Func<CancellationToken, Task> callback, TimeProvider timeProvider)
    {
        _activation = activation;
        _callback = callback;
        _timer = timeProvider.CreateTimer(static timer => ((GrainTimer)timer!).OnDue(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public void Change(TimeSpan dueTime, TimeSpan period)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_stopped.IsCancellationRequested, this);
            _period = period;
            _timer.Change(dueTime, Timeout.InfiniteTimeSpan);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_stopped.IsCancellationRequested) return;
            _stopped.Cancel();
            _timer.Dispose();
        }
        _activation.OnTimerDisposed(this);
    }

    public override bool Start(ActivationData activation)
    {
        if (_stopped.IsCancellationRequested) return true;
        Task tick;
        try
        {
            tick = _callback(_stopped.Token);
        }
        catch (Exception error)
        {
            tick = Task.FromException(error);
        }
        if (tick.IsCompleted)
        {
            OnTickEnded(tick);
            return true;
        }
        _pending = tick;
        // Called on the activation's scheduler, so the continuation is queued back to it.
        tick.GetAwaiter().UnsafeOnCompleted(OnPendingCompleted);
        return false;
    }

    // A tick meant for a gone activation is dropped; the new activation registers its own timers.
    public override void Reroute(GrainCatalog catalog) => Volatile.Write(ref _tickInFlight, 0);

    public override void Fail(Exception error) => Volatile.Write(ref _tickInFlight, 0);

    private void OnDue()
    {
        if (_stopped.IsCancellationRequested || Interlocked.CompareExchange(ref _tickInFlight, 1, 0) != 0) return;
        if (_activation.TryEnqueue(this, enforceMailboxBound: false) != EnqueueResult.Accepted) Volatile.Write(ref _tickInFlight, 0);
    }

    private void OnPendingCompleted()
    {
        var tick = _pending!;
        _pending = null;
        OnTickEnded(tick);
        _activation.OnTurnCompleted(this);
    }

    private void OnTickEnded(Task tick)
    {
        if (tick.IsFaulted && !_stopped.IsCancellationRequested) _activation.LogTimerTickFailed(tick.Exception!.InnerException!);
        Volatile.Write(ref _tickInFlight, 0);
        lock (_gate)
        {
            if (!_stopped.IsCancellationRequested && _period != Timeout.InfiniteTimeSpan) _timer.Change(_period, Timeout.InfiniteTimeSpan);
        }
    }
}
