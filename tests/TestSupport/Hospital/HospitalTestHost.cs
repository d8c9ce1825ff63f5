using Hospital.Grains.Catalog;
using Orleans;
using Hospital.Silo.Hosting;
using Hospital.TestSupport.Databases;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Hospital.TestSupport.Hospital;

/// <summary>
/// A node as production builds it (<see cref="SiloHostingExtensions.AddSilo"/>, real clustering and networking) over a test
/// database, on a test clock. Grain tests use <see cref="HospitalTestCluster"/>; this host is for what only the real
/// configuration shows, such as nodes joining one cluster through the database's membership table.
/// </summary>
public sealed class HospitalTestHost : IAsyncDisposable
{
    /// <summary>The test data key (<see cref="HospitalTestSettings.TestDataKey"/>), named here too for the tests that build hosts of their own.</summary>
    public const string TestDataKey = HospitalTestSettings.TestDataKey;

    private readonly IHost _host;

    private HospitalTestHost(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    public IGrainFactory Grains => Services.GetRequiredService<IGrainFactory>();

    /// <summary>Starts a node of its own (localhost clustering on a free port) unless <paramref name="settings"/>, added over the test settings, say otherwise.</summary>
    public static async Task<HospitalTestHost> StartAsync(TestDatabase database, TimeProvider clock, IDictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(HospitalTestSettings.For(database));
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            // Several hosts run at once; each calls its silo in-process, so no gateway.
            ["Silo:Clustering"] = "Localhost",
            ["Silo:SiloPort"] = FreePort.Next().ToString(),
            ["Silo:GatewayPort"] = "0",
        });
        if (settings is not null) builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSingleton(new HospitalClock(clock));
        builder.AddSilo();
        var host = builder.Build();
        await host.StartAsync();
        return new HospitalTestHost(host);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
