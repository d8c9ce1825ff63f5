using Dapper;
using Hospital.OrleansSchema.Tests.Cluster;
using Hospital.OrleansSchema.Tests.Grains;
using Hospital.TestSupport.Hospital;
using Hospital.TestSupport.MariaDb;
using Orleans.Runtime;

namespace Hospital.OrleansSchema.Tests;

/// <summary>Two silos form one cluster through our membership tables, with Orleans' ADO.NET clustering provider.</summary>
[Collection(OrleansClusterCollection.Name)]
public sealed class ClusteringTests(OrleansClusterFixture cluster)
{
    private const int ActiveStatus = 3;

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
}
