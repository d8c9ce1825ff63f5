using Hospital.Silo.Runtime.Messaging;

namespace Hospital.Silo.Runtime.References;

/// <summary>Invokes a grain method returning <see cref="Task{TResult}"/> or <see cref="ValueTask{TResult}"/>.</summary>
internal sealed class ResultMethodInvoker<TResult>(string methodName, Func<object, object?[], ValueTask<TResult>> invoke, bool returnsValueTask)
    : GrainMethodInvoker
{
    public override object Invoke(GrainReference reference, object?[] arguments)
    {
        var call = new GrainCall<TResult>(reference.GrainId, methodName, invoke, arguments, reference.Catalog);
        reference.Catalog.Deliver(call, enforceMailboxBound: true);
        return returnsValueTask ? new ValueTask<TResult>(call.Task) : call.Task;
    }
}
