namespace Hospital.Grains.SlotPools;

/// <summary>
/// A caller's command waiting in a group commit: decided (maybe again, after a reload), then answered once everything
/// its answer rests on is committed. The answer is a result or a refusal; either is kept until then.
/// </summary>
internal abstract class PendingCommand
{
    public PoolChanges? Changes { get; protected set; }

    /// <summary>True when the decision has no rows and the committed pool gives the same answer: it waits for no write.</summary>
    public bool RestsOnCommitted { get; protected set; }

    /// <summary>Decides against <paramref name="pool"/>; true when the decision has rows to commit before answering.</summary>
    public abstract bool Decide(SlotPool pool);

    /// <summary>Answers the caller with the decision, now that the state it was made on is committed.</summary>
    public abstract void Complete();

    public abstract void Fail(Exception exception);
}

internal sealed class PendingCommand<T>(Func<SlotPool, Decision<T>> decide) : PendingCommand
{
    // Continuations run asynchronously so a caller's code never runs inside the pool's write loop.
    private readonly TaskCompletionSource<T> _answer = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private T? _result;
    private Exception? _refusal;

    public Task<T> Task => _answer.Task;

    public override bool Decide(SlotPool pool)
    {
        _refusal = null;
        Changes = null;
        RestsOnCommitted = false;
        try
        {
            var decision = decide(pool);
            _result = decision.Result;
            Changes = decision.Changes;
            RestsOnCommitted = decision.RestsOnCommitted;
        }
        catch (Exception exception)
        {
            _refusal = exception;
        }
        return Changes is not null;
    }

    public override void Complete()
    {
        if (_refusal is null) _answer.TrySetResult(_result!);
        else _answer.TrySetException(_refusal);
    }

    public override void Fail(Exception exception) => _answer.TrySetException(exception);
}
