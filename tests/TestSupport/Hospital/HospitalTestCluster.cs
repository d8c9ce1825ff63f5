using Hospital.Grains.Catalog;
using Hospital.Silo.Hosting;
using Hospital.TestSupport.Databases;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.TestingHost;

namespace Hospital.TestSupport.Hospital;

/// <summary>
/// Orleans' in-process test cluster whose silos run the hospital's own silo configuration
/// (<see cref="HospitalSiloBuilderExtensions.AddHospitalSilo"/>) over a test database, on a test clock. Membership,
/// messaging and the grain directory are the test host's in-memory doubles, shared by the cluster's silos (so a silo sees
/// the others as soon as it has started); the real ones are checked by the one cluster-mode test over MariaDB. Two
/// clusters over one database behave like two nodes that do not share a cluster, or like one node before and after a restart.
/// </summary>
public sealed class HospitalTestCluster : IAsyncDisposable
{
    private readonly InProcessTestCluster _cluster;

    private HospitalTestCluster(InProcessTestCluster cluster) => _cluster = cluster;

    /// <summary>The silos still running, in start order.</summary>
    public IReadOnlyList<HospitalSilo> Silos => _cluster.GetActiveSilos().Select(handle => new HospitalSilo(handle)).ToList();

    /// <summary>The first running silo's services: in a one-silo cluster, the node's.</summary>
    public IServiceProvider Services => Silos[0].Services;

    /// <summary>Grain calls made inside the first running silo.</summary>
    public IGrainFactory Grains => Silos[0].Grains;

    /// <summary>Deploys <paramref name="silos"/> silos; <paramref name="configureServices"/> runs after the hospital's registrations, so it can replace or decorate them.</summary>
    public static async Task<HospitalTestCluster> StartAsync(TestDatabase database, TimeProvider clock, IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configureServices = null, short silos = 1)
    {
        var builder = new InProcessTestClusterBuilder(silos);
        // Orleans names stored state by service id: a restarted cluster over the same database must find it again.
        builder.Options.ServiceId = new SiloOptions().ServiceId;
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSiloHost((_, host) =>
        {
            host.Configuration.AddInMemoryCollection(HospitalTestSettings.For(database));
            if (settings is not null) host.Configuration.AddInMemoryCollection(settings);
            // Our code's clock only: Orleans' own timeouts and membership stay on real time (see HospitalClock).
            host.Services.AddSingleton(new HospitalClock(clock));
        });
        builder.ConfigureSilo((_, silo) => silo.AddHospitalSilo());
        if (configureServices is not null) builder.ConfigureSiloHost((_, host) => configureServices(host.Services));
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return new HospitalTestCluster(cluster);
    }

    /// <summary>Stops one silo as a node shuts down: its activations go, the others take over their grains on the next call.</summary>
    public Task StopSiloAsync(HospitalSilo silo) => _cluster.StopSiloAsync(silo.Handle);

    public async ValueTask DisposeAsync()
    {
        // Stopped before disposal so that every silo finishes its shutdown (hosted services, pending writes) as a node does.
        await _cluster.StopAllSilosAsync();
        await _cluster.DisposeAsync();
    }
}
