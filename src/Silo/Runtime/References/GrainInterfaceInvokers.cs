using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Reflection;

namespace Hospital.Silo.Runtime.References;

/// <summary>The invokers of every method of one grain interface (including inherited ones), built once per interface.</summary>
internal sealed class GrainInterfaceInvokers
{
    private static readonly ConcurrentDictionary<Type, GrainInterfaceInvokers> s_byInterface = new();

    private readonly FrozenDictionary<MethodInfo, GrainMethodInvoker> _invokers;

    private GrainInterfaceInvokers(Type grainInterface)
    {
        _invokers = grainInterface.GetInterfaces().Prepend(grainInterface)
            .SelectMany(type => type.GetMethods())
            .Where(method => !method.IsStatic)
            .ToFrozenDictionary(method => method, GrainMethodInvoker.Create);
    }

    /// <summary>Returns the invokers of <paramref name="grainInterface"/>; throws when one of its methods cannot be a grain method.</summary>
    public static GrainInterfaceInvokers For(Type grainInterface) => s_byInterface.GetOrAdd(grainInterface, static type => new GrainInterfaceInvokers(type));

    public GrainMethodInvoker this[MethodInfo method] => _invokers[method];
}
