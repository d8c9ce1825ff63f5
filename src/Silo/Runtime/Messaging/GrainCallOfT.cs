using Hospital.Grains.Abstractions.Runtime;
using Hospital.Silo.Runtime.Catalog;

namespace Hospital.Silo.Runtime.Messaging;

/// <summary>A call of a grain method returning <see cref="Task{TResult}"/> or <see cref="ValueTask{TResult}"/>.</summary>
internal sealed class GrainCall<TResult>(
    GrainId target,
    string methodName,
    Func<object, object?[], ValueTask<TResult>> invoke,
    object?[] arguments,
    GrainCatalog catalog) : GrainCall(target, methodName, arguments, catalog)
{
    // Continuations run asynchronously so the caller's code never runs inside this activation's turn.
    private readonly TaskCompletionSource<TResult> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ValueTask<TResult> _pending;

    /// <summary>What the caller awaits.</summary>
    public Task<TResult> Task => _completion.Task;

    protected override bool Invoke(object grain)
    {
        var result = invoke(grain, Arguments);
        if (result.IsCompleted)
        {
            Answer(result);
            return true;
        }
        _pending = result;
        // Called on the activation's scheduler, so the continuation is queued back to it.
        result.GetAwaiter().UnsafeOnCompleted(OnPendingCompleted);
        return false;
    }

    protected override bool IsAnswered => _completion.Task.IsCompleted;

    protected override bool TrySetException(Exception error) => _completion.TrySetException(error);

    private void OnPendingCompleted()
    {
        Answer(_pending);
        _pending = default;
        OnInvocationCompleted();
    }

    private void Answer(ValueTask<TResult> result)
    {
        TResult value;
        try
        {
            value = result.GetAwaiter().GetResult();
        }
        catch (Exception error)
        {
            Complete(error);
            return;
        }
        _completion.TrySetResult(value);
    }
}
