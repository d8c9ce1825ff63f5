using System.Net;
using Hospital.Silo.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;

namespace Hospital.Silo.Hosting;

public static class SiloHostingExtensions
{
    /// <summary>The invariant under which Orleans' ADO.NET providers load MySqlConnector (not Oracle's MySql.Data).</summary>
    public const string MySqlConnectorInvariant = "MySql.Data.MySqlConnector";

    /// <summary>
    /// Hosts the Orleans silo in-process with storage and the hospital's grains (<see cref="HospitalSiloBuilderExtensions.AddHospitalSilo"/>),
    /// joined to its cluster in the mode the configuration names.
    /// </summary>
    public static IHostApplicationBuilder AddSilo(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(SiloOptions.Section).Get<SiloOptions>() ?? new SiloOptions();
        var storage = builder.Configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
        builder.UseOrleans(silo =>
        {
            silo.AddHospitalSilo();
            silo.Configure<ClusterOptions>(cluster => (cluster.ClusterId, cluster.ServiceId) = (options.ClusterId, options.ServiceId));
            if (ClusteringOf(options, storage) == SiloClustering.AdoNet)
            {
                silo.UseAdoNetClustering(adoNet => (adoNet.Invariant, adoNet.ConnectionString) = (MySqlConnectorInvariant, storage.EffectiveConnectionString));
                if (options.AdvertisedAddress is { } address)
                    silo.ConfigureEndpoints(IPAddress.Parse(address), options.SiloPort, options.GatewayPort, listenOnAnyHostAddress: true);
                else
                    silo.ConfigureEndpoints(options.SiloPort, options.GatewayPort, listenOnAnyHostAddress: true);
            }
            else
            {
                silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort, serviceId: options.ServiceId, clusterId: options.ClusterId);
            }
        });
        return builder;
    }

    private static SiloClustering ClusteringOf(SiloOptions options, StorageOptions storage) =>
        options.Clustering ?? (storage.Provider == StorageProvider.MySql ? SiloClustering.AdoNet : SiloClustering.Localhost);

    internal static void Validate(SiloOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.ClusterId) || string.IsNullOrWhiteSpace(options.ServiceId))
            throw new InvalidOperationException("Silo:ClusterId and Silo:ServiceId are required.");
        if (options.SiloPort is < 1 or > 65535 || options.GatewayPort is < 0 or > 65535)
            throw new InvalidOperationException("Silo:SiloPort must be 1 to 65535 and Silo:GatewayPort 0 to 65535.");
        if (options.AdvertisedAddress is { } address && !IPAddress.TryParse(address, out _))
            throw new InvalidOperationException($"Silo:AdvertisedAddress must be an IP address, not '{options.AdvertisedAddress}'.");
        if (options.IdleCollectionAge <= TimeSpan.FromMinutes(1) || options.CallTimeout <= TimeSpan.Zero || options.MaxRequestsPerActivation < 1)
            throw new InvalidOperationException("Silo:IdleCollectionAge must exceed a minute; Silo:CallTimeout and Silo:MaxRequestsPerActivation must be positive.");
    }
}
