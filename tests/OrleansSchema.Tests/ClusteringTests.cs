using Dapper;
using Hospital.OrleansSchema.Tests.Cluster;
using Hospital.OrleansSchema.Tests.Grains;
using Hospital.TestSupport.Hospital;
using Hospital.TestSupport.MariaDb;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Orleans.Runtime;

namespace Hospital.OrleansSchema.Tests;

/// <summary>Two silos form one cluster through our membership tables, with Orleans' ADO.NET clustering provider.</summary>
[Collection(OrleansClusterCollection.Name)]
public sealed class ClusteringTests(OrleansClusterFixture cluster)
{
    private const int ActiveStatus = 3;
    private const int DeadStatus = 6;

    [MariaDbFact]
    public async Task TwoSilos_OnAFreshlyMigratedDatabase_AreBothActiveInTheMembershipTable()
    {
        await using var connection = await cluster.Database.ConnectionFactory.OpenConnectionAsync();

        var active = await Eventually.ReturnsAsync(
            async () => (await connection.QueryAsync<(string Address, int Port, int Generation)>(
                "SELECT Address, Port, Generation FROM orleans_membership WHERE DeploymentId = @ClusterId AND Status = @ActiveStatus",
                new { cluster.First.ClusterId, ActiveStatus })).Select(row => $"{row.Address}:{row.Port}@{row.Generation}").Order().ToList(),
            rows => rows.Count == 2);

        Assert.Equal(new[] { cluster.First.Address, cluster.Second.Address }.Order(), active);
    }

    [MariaDbFact]
    public async Task EachSilo_SeesBothSilosActive()
    {
        var expected = new[] { cluster.First.Address, cluster.Second.Address }.Order().ToList();

        foreach (var silo in new[] { cluster.First, cluster.Second })
        {
            var management = silo.GrainFactory.GetGrain<IManagementGrain>(0);
            var seen = await Eventually.ReturnsAsync(
                async () => (await management.GetHosts(onlyActive: true)).Keys.Select(address => address.ToParsableString()).Order().ToList(),
                hosts => hosts.SequenceEqual(expected));

            Assert.Equal(expected, seen);
        }
    }

    [MariaDbFact]
    public async Task ACall_MadeThroughOneSilo_ReachesTheGrainActivatedOnTheOther()
    {
        var key = $"cross-{Guid.NewGuid():N}";
        var placedOn = await cluster.Second.GrainFactory.GetGrain<ICounterGrain>(key).GetSiloAsync();

        var reachedOn = await cluster.First.GrainFactory.GetGrain<ICounterGrain>(key).GetSiloAsync();

        Assert.Equal(cluster.Second.Address, placedOn);
        Assert.Equal(cluster.Second.Address, reachedOn);
    }

    [MariaDbFact]
    public async Task ASiloStoppedGracefully_IsMarkedDeadInTheMembershipTable()
    {
        var lone = await cluster.StartLoneSiloAsync();
        var address = lone.Address;

        await lone.DisposeAsync();

        await using var connection = await cluster.Database.ConnectionFactory.OpenConnectionAsync();
        var statuses = (await connection.QueryAsync<(string Address, int Port, int Generation, int Status)>(
                "SELECT Address, Port, Generation, Status FROM orleans_membership WHERE DeploymentId = @ClusterId",
                new { lone.ClusterId }))
            .Select(row => ($"{row.Address}:{row.Port}@{row.Generation}", row.Status));
        Assert.Equal([(address, DeadStatus)], statuses);
    }

    [MariaDbFact]
    public async Task AClient_FindsTheGatewaysInTheMembershipTableAndReachesTheCluster()
    {
        var key = $"client-{Guid.NewGuid():N}";
        await cluster.Second.GrainFactory.GetGrain<ICounterGrain>(key).AddAsync(3);
        using var client = new HostBuilder()
            .UseOrleansClient(builder => builder
                .Configure<ClusterOptions>(options =>
                {
                    options.ClusterId = cluster.First.ClusterId;
                    options.ServiceId = OrleansClusterFixture.ServiceId;
                })
                .UseAdoNetClustering(options =>
                {
                    options.Invariant = OrleansSilo.Invariant;
                    options.ConnectionString = cluster.Database.ConnectionString;
                }))
            .Build();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await client.StartAsync(limit.Token);

        var value = await client.Services.GetRequiredService<IClusterClient>().GetGrain<ICounterGrain>(key).GetAsync();

        Assert.Equal(3, value);
        await client.StopAsync(limit.Token);
    }
}
