using Hospital.Grains.Catalog;
using Orleans;
using Hospital.Silo.Hosting;
using Hospital.TestSupport.Databases;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Hospital.TestSupport.Hospital;

/// <summary>
/// A whole silo (runtime, storage, hospital grains and services) over a test database, on a manual clock.
/// Two hosts over one database behave like two nodes, or like one node before and after a restart.
/// </summary>
public sealed class HospitalTestHost : IAsyncDisposable
{
    /// <summary>Base64 of a fixed 32-byte key, for tests only.</summary>
    public const string TestDataKey = "dGVzdC1vbmx5LWtleS10ZXN0LW9ubHkta2V5LTMyYiE=";

    private readonly IHost _host;

    private HospitalTestHost(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    public IGrainFactory Grains => Services.GetRequiredService<IGrainFactory>();

    public static async Task<HospitalTestHost> StartAsync(TestDatabase database, TimeProvider clock,
        IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configureServices = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = database.Provider.ToString(),
            ["Storage:ConnectionString"] = database.ConnectionString,
            ["Catalog:SeedDemoHospital"] = "false",
            ["Catalog:PlanningDays"] = TestCatalog.PlanningDays.ToString(),
            ["Privacy:DataKey"] = TestDataKey,
            // Tests advance the clock by hours; activations must not be collected under them.
            ["Silo:IdleCollectionAge"] = "1.00:00:00",
            // Each host is a node of its own (several run at once); the API calls its silo in-process, so no gateway.
            ["Silo:Clustering"] = "Localhost",
            ["Silo:SiloPort"] = FreePort.Next().ToString(),
            ["Silo:GatewayPort"] = "0",
        });
        if (settings is not null) builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSingleton(new HospitalClock(clock));
        builder.AddSilo();
        configureServices?.Invoke(builder.Services);
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
