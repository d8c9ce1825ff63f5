using System.Linq.Expressions;
using System.Reflection;

namespace Hospital.Silo.Runtime.References;

/// <summary>
/// Turns a call on a grain reference into a queued grain call. One instance per interface method,
/// built once with a compiled expression, so a call costs no reflection.
/// </summary>
internal abstract class GrainMethodInvoker
{
    /// <summary>Queues the call to the reference's activation and returns what the method returns to its caller.</summary>
    public abstract object Invoke(GrainReference reference, object?[] arguments);

    public static GrainMethodInvoker Create(MethodInfo method)
    {
        var returnType = method.ReturnType;
        if (returnType == typeof(Task) || returnType == typeof(ValueTask))
        {
            // A method without a result runs as a call with a dummy one, so one call type serves every method.
            var inner = (Func<object, object?[], ValueTask>)Compile(method, typeof(ValueTask)).Compile();
            Func<object, object?[], ValueTask<bool>> invoke = (grain, arguments) => WithDummyResult(inner(grain, arguments));
            return new ResultMethodInvoker<bool>(method.Name, invoke, returnType == typeof(ValueTask) ? ReturnShape.ValueTask : ReturnShape.Task);
        }
        if (returnType.IsGenericType && returnType.GetGenericTypeDefinition() is var definition
            && (definition == typeof(Task<>) || definition == typeof(ValueTask<>)))
        {
            var resultType = returnType.GetGenericArguments()[0];
            var invoke = Compile(method, typeof(ValueTask<>).MakeGenericType(resultType)).Compile();
            var shape = definition == typeof(ValueTask<>) ? ReturnShape.ValueTaskOfResult : ReturnShape.Task;
            var invokerType = typeof(ResultMethodInvoker<>).MakeGenericType(resultType);
            return (GrainMethodInvoker)Activator.CreateInstance(invokerType, method.Name, invoke, shape)!;
        }
        throw new NotSupportedException($"{method.DeclaringType?.Name}.{method.Name} must return Task, Task<T>, ValueTask or ValueTask<T> to be a grain method.");
    }

    /// <summary>Completes with a dummy result when the method's task completes; a synchronous failure is rethrown unchanged.</summary>
    private static ValueTask<bool> WithDummyResult(ValueTask task)
    {
        if (!task.IsCompleted) return AwaitAsync(task);
        task.GetAwaiter().GetResult();
        return new ValueTask<bool>(true);

        static async ValueTask<bool> AwaitAsync(ValueTask pending)
        {
            await pending;
            return true;
        }
    }

    // (object grain, object?[] args) => new ValueTask<T>(((IFooGrain)grain).Method((A0)args[0], ...))
    private static LambdaExpression Compile(MethodInfo method, Type valueTaskType)
    {
        if (method.ContainsGenericParameters) throw new NotSupportedException($"Generic grain method {method.Name} is not supported.");
        var grain = Expression.Parameter(typeof(object), "grain");
        var arguments = Expression.Parameter(typeof(object?[]), "arguments");
        var parameters = method.GetParameters().Select((parameter, index) =>
        {
            if (parameter.ParameterType.IsByRef) throw new NotSupportedException($"Grain method {method.Name} cannot take ref or out parameters.");
            return Expression.Convert(Expression.ArrayIndex(arguments, Expression.Constant(index)), parameter.ParameterType);
        });
        Expression body = Expression.Call(Expression.Convert(grain, method.DeclaringType!), method, parameters);
        if (method.ReturnType != valueTaskType) body = Expression.New(valueTaskType.GetConstructor([method.ReturnType])!, body);
        return Expression.Lambda(typeof(Func<,,>).MakeGenericType(typeof(object), typeof(object?[]), valueTaskType), body, grain, arguments);
    }
}
