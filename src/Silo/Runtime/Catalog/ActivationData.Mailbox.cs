using Hospital.Grains.Abstractions.Runtime;
using Hospital.Silo.Runtime.Messaging;

namespace Hospital.Silo.Runtime.Catalog;

/// <summary>The mailbox and its pump: which queued item runs next, and when.</summary>
internal sealed partial class ActivationData
{
    // Items started per pump run before it yields the scheduler to queued continuations and other activations.
    private const int ItemsPerPump = 64;

    private static readonly Action<object?> s_pump = static activation => ((ActivationData)activation!).Pump();

    private readonly RunningCalls _runningCalls = new();

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
        // Full fence: the mailbox reads below must not move before this reset, or an item enqueued meanwhile
        // (whose enqueuer saw the flag still set) would wait for a pump nobody requests.
        Interlocked.Exchange(ref _pumpRequested, 0);
        if (State == ActivationState.Creating)
        {
            _ = ActivateAsync();
            return;
        }
        if (State != ActivationState.Valid) return;
        // One clock reading per turn boundary: the end of a synchronous turn is the start of the next.
        var now = _catalog.TimeProvider.GetTimestamp();
        for (var started = 0; started < ItemsPerPump; started++)
        {
            if (TryBeginRequestedDeactivation()) return;
            // Non-reentrant: the next call waits for the whole previous one, awaits included.
            if (_turnsRunning > 0 && !_isReentrant) return;
            if (!_mailbox.TryDequeue(out var item)) return;
            Interlocked.Decrement(ref _queued);
            _turnsRunning++;
            if (item is GrainCall call) _runningCalls.Add(call);
            item.StartedAt = now;
            if (item.Start(this)) now = EndTurn(item);
        }
        RequestPump();
    }

    private long EndTurn(ActivationWorkItem item)
    {
        _turnsRunning--;
        if (item is GrainCall call) _runningCalls.Remove(call);
        var now = _catalog.TimeProvider.GetTimestamp();
        Volatile.Write(ref _lastTurnEndedAt, now);
        var duration = _catalog.TimeProvider.GetElapsedTime(item.StartedAt, now);
        Metrics.TurnEnded(duration);
        if (duration > Options.LongTurnWarningThreshold) Log.LongTurn(_logger, GrainId, duration.TotalMilliseconds, item.GetType().Name);
        return now;
    }

    /// <summary>Answers every queued or running call made at or before timeout sweep <paramref name="sweep"/> with a timeout (any thread).</summary>
    public void TimeOutCallsMadeBy(int sweep)
    {
        // Most activations are idle at any moment; a sweep over them must cost next to nothing.
        if (QueuedCount == 0 && Volatile.Read(ref _turnsRunning) == 0) return;
        // Enumerating a ConcurrentQueue is safe while others enqueue and dequeue.
        foreach (var item in _mailbox)
        {
            if (item is GrainCall call && call.MadeInSweep <= sweep) call.TimeOut();
        }
        _runningCalls.TimeOutCallsMadeBy(sweep);
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
