using Hospital.Silo.Runtime.Messaging;

namespace Hospital.Silo.Runtime.References;

/// <summary>
/// Invokes a grain method through a <see cref="GrainCall{TResult}"/> and hands the caller the task in the shape the
/// method declares (<see cref="Task"/>, <see cref="Task{TResult}"/>, <see cref="ValueTask"/> or <see cref="ValueTask{TResult}"/>).
/// </summary>
internal sealed class ResultMethodInvoker<TResult>(
    string methodName, Func<object, object?[], ValueTask<TResult>> invoke, ReturnShape shape) : GrainMethodInvoker
{
    public override object Invoke(GrainReference reference, object?[] arguments)
    {
        var call = new GrainCall<TResult>(reference.GrainId, methodName, invoke, arguments, reference.Catalog);
        reference.Catalog.Deliver(call, enforceMailboxBound: true);
        return shape switch
        {
            ReturnShape.ValueTaskOfResult => new ValueTask<TResult>(call.Task),
            ReturnShape.ValueTask => new ValueTask(call.Task),
            _ => call.Task,
        };
    }
}
