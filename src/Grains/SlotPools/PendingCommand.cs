namespace Hospital.Grains.SlotPools;

/// <summary>A caller's command waiting in a group commit: decided (maybe again, after a reload), then answered.</summary>
internal abstract class PendingCommand
{
    public PoolChanges? Changes { get; protected set; }

    /// <summary>Decides against <paramref name="pool"/>; true when the decision has rows to commit before answering.</summary>
    public abstract bool Decide(SlotPool pool);

    /// <summary>Answers the caller with the decision, now that its rows are committed.</summary>
    public abstract void Complete();

    public abstract void Fail(Exception exception);
}

internal sealed class PendingCommand<T>(Func<SlotPool, Decision<T>> decide) : PendingCommand
{
    // Continuations run asynchronously so a caller's code never runs inside the pool's write loop.
    private readonly TaskCompletionSource<T> _answer = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private T? _result;

    public Task<T> Task => _answer.Task;

    public override bool Decide(SlotPool pool)
    {
        try
        {
            var decision = decide(pool);
            _result = decision.Result;
            Changes = decision.Changes;
            if (Changes is null) _answer.TrySetResult(decision.Result);
            return Changes is not null;
        }
        catch (Exception exception)
        {
            _answer.TrySetException(exception);
            return false;
        }
    }

    public override void Complete() => _answer.TrySetResult(_result!);

    public override void Fail(Exception exception) => _answer.TrySetException(exception);
}
