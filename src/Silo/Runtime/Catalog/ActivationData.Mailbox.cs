using Hospital.Grains.Abstractions.Runtime;
using Hospital.Silo.Runtime.Messaging;

namespace Hospital.Silo.Runtime.Catalog;

/// <summary>The mailbox and its pump: which queued item runs next, and when.</summary>
internal sealed partial class ActivationData
{
    // Items started per pump run before it yields the scheduler to queued continuations and other activations.
    private const int ItemsPerPump = 64;

    private static readonly Action<object?> s_pump = static activation => ((ActivationData)activation!).Pump();

    // Guarded by itself: the pump adds and removes on the scheduler, the timeout sweep reads from its timer thread.
    private readonly HashSet<GrainCall> _runningCalls = [];

    /// <summary>Queues <paramref name="item"/> from any thread. Never blocks.</summary>
    public EnqueueResult TryEnqueue(ActivationWorkItem item, bool enforceMailboxBound)
    {
        if (State == ActivationState.Invalid) return EnqueueResult.Gone;
        if (Interlocked.Increment(ref _queued) > Options.MailboxCapacity && enforceMailboxBound)
        {
            Interlocked.Decrement(ref _queued);
            return EnqueueResult.Overloaded;
        }
        _mailbox.Enqueue(item);
        // The activation may have finished deactivating between the check above and the enqueue; its final
        // reroute may then have missed our item, so reroute it (and anything else left) ourselves.
        if (State == ActivationState.Invalid) RerouteMailbox();
        else RequestPump();
        return EnqueueResult.Accepted;
    }

    /// <summary>Ends the turn of an item that completed asynchronously. Runs on the scheduler.</summary>
    public void OnTurnCompleted(ActivationWorkItem item)
    {
        EndTurn(item);
        Pump();
    }

    private void RequestPump()
    {
        if (Interlocked.CompareExchange(ref _pumpRequested, 1, 0) != 0) return;
        // The pump serves every caller: it must not carry the execution context (AsyncLocals) of whichever one asked.
        using (ExecutionContext.SuppressFlow())
        {
            new Task(s_pump, this).Start(_scheduler);
        }
    }

    // Runs on the scheduler only: decides what runs next.
    private void Pump()
    {
        Volatile.Write(ref _pumpRequested, 0);
        if (State == ActivationState.Creating)
        {
            _ = ActivateAsync();
            return;
        }
        if (State != ActivationState.Valid) return;
        for (var started = 0; started < ItemsPerPump; started++)
        {
            if (TryBeginRequestedDeactivation()) return;
            // Non-reentrant: the next call waits for the whole previous one, awaits included.
            if (_turnsRunning > 0 && !_isReentrant) return;
            if (!_mailbox.TryDequeue(out var item)) return;
            Interlocked.Decrement(ref _queued);
            _turnsRunning++;
            if (item is GrainCall call) lock (_runningCalls) _runningCalls.Add(call);
            item.StartedAt = _catalog.TimeProvider.GetTimestamp();
            if (item.Start(this)) EndTurn(item);
        }
        RequestPump();
    }

    private void EndTurn(ActivationWorkItem item)
    {
        _turnsRunning--;
        if (item is GrainCall call) lock (_runningCalls) _runningCalls.Remove(call);
        var now = _catalog.TimeProvider.GetTimestamp();
        Volatile.Write(ref _lastTurnEndedAt, now);
        var duration = _catalog.TimeProvider.GetElapsedTime(item.StartedAt, now);
        Metrics.TurnEnded(duration);
        if (duration > Options.LongTurnWarningThreshold) Log.LongTurn(_logger, GrainId, duration.TotalMilliseconds, item.GetType().Name);
    }

    /// <summary>Answers every queued or running call made at or before <paramref name="deadline"/> with a timeout (any thread).</summary>
    public void TimeOutCallsMadeBy(long deadline)
    {
        // Enumerating a ConcurrentQueue is safe while others enqueue and dequeue.
        foreach (var item in _mailbox)
        {
            if (item is GrainCall call && call.CreatedAt <= deadline) call.TimeOut();
        }
        lock (_runningCalls)
        {
            foreach (var call in _runningCalls)
            {
                if (call.CreatedAt <= deadline) call.TimeOut();
            }
        }
    }

    // Runs when the activation is Invalid, from the deactivating scheduler or from a racing enqueuer;
    // TryDequeue hands each item to exactly one of them.
    private void RerouteMailbox()
    {
        while (_mailbox.TryDequeue(out var item))
        {
            Interlocked.Decrement(ref _queued);
            item.Reroute(_catalog);
        }
    }

    private void FailMailbox(Exception error)
    {
        while (_mailbox.TryDequeue(out var item))
        {
            Interlocked.Decrement(ref _queued);
            item.Fail(error);
        }
    }
}
