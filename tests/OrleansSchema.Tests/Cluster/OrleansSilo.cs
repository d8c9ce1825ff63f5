using System.Net;
using Hospital.Grains.Storage;
using Hospital.Silo.Hosting;
using Hospital.Silo.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Orleans.Runtime;

namespace Hospital.OrleansSchema.Tests.Cluster;

/// <summary>
/// A real Orleans silo in this process, on loopback ports of its own, with the three ADO.NET providers (clustering,
/// grain storage, reminders) on one MariaDB database through MySqlConnector: what cluster mode runs. Grain storage and
/// reminders are registered by the production call (<see cref="SiloPersistence"/>), serializer included.
/// </summary>
public sealed class OrleansSilo : IAsyncDisposable
{
    /// <summary>The grain storage name the test grains persist to: the one hospital grains use.</summary>
    public const string StorageName = HospitalStorage.Name;

    /// <summary>Orleans' invariant for MySqlConnector (MySql.Data.MySqlClient would mean Oracle's driver).</summary>
    public const string Invariant = "MySql.Data.MySqlConnector";

    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(60);
    private readonly IHost _host;

    private OrleansSilo(IHost host, string clusterId)
    {
        _host = host;
        ClusterId = clusterId;
    }

    public string ClusterId { get; }

    public IServiceProvider Services => _host.Services;

    public IGrainFactory GrainFactory => Services.GetRequiredService<IGrainFactory>();

    /// <summary>This silo's address as Orleans prints it (address:port@generation).</summary>
    public string Address => Services.GetRequiredService<ILocalSiloDetails>().SiloAddress.ToParsableString();

    /// <summary>Starts a silo and returns once it has joined its cluster (Orleans' start completes at Active).</summary>
    public static async Task<OrleansSilo> StartAsync(string connectionString, string clusterId, string serviceId)
    {
        var host = new HostBuilder()
            .UseOrleans(silo => silo
                .Configure<ClusterOptions>(options =>
                {
                    options.ClusterId = clusterId;
                    options.ServiceId = serviceId;
                })
                .ConfigureEndpoints(IPAddress.Loopback, FreePort.Next(), FreePort.Next())
                .UseAdoNetClustering(options =>
                {
                    options.Invariant = Invariant;
                    options.ConnectionString = connectionString;
                })
                .AddHospitalPersistence(new StorageOptions { Provider = StorageProvider.MySql, ConnectionString = connectionString }))
            .Build();
        using var limit = new CancellationTokenSource(StartLimit);
        await host.StartAsync(limit.Token);
        return new OrleansSilo(host, clusterId);
    }

    /// <summary>Stops gracefully: the silo marks itself Dead in the membership table before it goes.</summary>
    public async ValueTask DisposeAsync()
    {
        using var limit = new CancellationTokenSource(StartLimit);
        await _host.StopAsync(limit.Token);
        _host.Dispose();
    }
}
