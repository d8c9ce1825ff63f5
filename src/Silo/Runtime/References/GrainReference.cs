using System.Reflection;
using Hospital.Grains.Abstractions.Runtime;
using Hospital.Silo.Runtime.Catalog;

namespace Hospital.Silo.Runtime.References;

/// <summary>
/// The object behind a typed grain reference: a generated proxy of the grain interface whose every
/// method call becomes a grain call queued to the key's activation. Holds no activation, so it stays
/// valid across deactivations.
/// </summary>
internal class GrainReference : DispatchProxy
{
    private GrainInterfaceInvokers _invokers = null!;

    public GrainId GrainId { get; private set; }

    public GrainCatalog Catalog { get; private set; } = null!;

    /// <summary>Creates a reference to <paramref name="grainId"/>, typed as its grain interface.</summary>
    public static TGrainInterface Create<TGrainInterface>(GrainId grainId, GrainCatalog catalog)
    {
        var proxy = DispatchProxy.Create<TGrainInterface, GrainReference>();
        var reference = (GrainReference)(object)proxy!;
        reference.GrainId = grainId;
        reference.Catalog = catalog;
        reference._invokers = GrainInterfaceInvokers.For(typeof(TGrainInterface));
        return proxy;
    }

    public override string ToString() => GrainId.ToString();

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) => _invokers[targetMethod!].Invoke(this, args ?? []);
}
