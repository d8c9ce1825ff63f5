using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Runtime;
using Orleans.TestingHost;

namespace Hospital.TestSupport.Hospital;

/// <summary>One silo of a <see cref="HospitalTestCluster"/>: a node, with its own container, stores and hosted services.</summary>
public sealed class HospitalSilo(InProcessSiloHandle handle)
{
    internal InProcessSiloHandle Handle => handle;

    public IServiceProvider Services => handle.SiloHost.Services;

    /// <summary>Grain calls made inside this silo, as the API co-hosted with it makes them.</summary>
    public IGrainFactory Grains => Services.GetRequiredService<IGrainFactory>();

    public SiloAddress Address => handle.SiloAddress;
}
