using Hospital.Grains.Abstractions.Runtime;
using Hospital.Silo.Runtime.Catalog;

namespace Hospital.Silo.Runtime.References;

/// <summary>Hands out typed references; creating one activates nothing.</summary>
internal sealed class GrainFactory(GrainCatalog catalog) : IGrainFactory
{
    public TGrainInterface GetGrain<TGrainInterface>(string key) where TGrainInterface : IGrainWithStringKey
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var grainId = new GrainId(typeof(TGrainInterface), key);
        catalog.Registry.EnsureRegistered(grainId.Interface);
        return GrainReference.Create<TGrainInterface>(grainId, catalog);
    }
}
