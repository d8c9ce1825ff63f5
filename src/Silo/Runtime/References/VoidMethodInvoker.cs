using Hospital.Silo.Runtime.Messaging;

namespace Hospital.Silo.Runtime.References;

/// <summary>Invokes a grain method returning <see cref="Task"/> or <see cref="ValueTask"/>.</summary>
internal sealed class VoidMethodInvoker(string methodName, Func<object, object?[], ValueTask> invoke, bool returnsValueTask)
    : GrainMethodInvoker
{
    public override object Invoke(GrainReference reference, object?[] arguments)
    {
        var call = new VoidGrainCall(reference.GrainId, methodName, invoke, arguments, reference.Catalog);
        reference.Catalog.Deliver(call, enforceMailboxBound: true);
        return returnsValueTask ? new ValueTask(call.Task) : call.Task;
    }
}
