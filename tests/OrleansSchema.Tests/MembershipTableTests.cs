using System.Net;
using Dapper;
using Hospital.OrleansSchema.Tests.Cluster;
using Hospital.TestSupport.MariaDb;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Runtime;
using Orleans.Runtime.MembershipService;

namespace Hospital.OrleansSchema.Tests;

/// <summary>
/// Orleans' ADO.NET membership table driven directly, on a cluster id of its own (the running silos never see these
/// rows): the version checks that silos rely on to agree, which a healthy two-silo start never puts to the test.
/// </summary>
[Collection(OrleansClusterCollection.Name)]
public sealed class MembershipTableTests(OrleansClusterFixture cluster)
{
    private static readonly DateTime LongAgo = new(2026, 1, 2, 3, 4, 5, 678, DateTimeKind.Utc);

    [MariaDbFact]
    public async Task InsertRow_AgainstTheCurrentVersion_AddsTheSiloAndBumpsTheVersion()
    {
        var table = await CreateTableAsync();
        var empty = await table.ReadAllAsync();

        Assert.True(await table.InsertRowAsync(Entry(1, SiloStatus.Joining), empty.Version.Next()));

        var after = await table.ReadAllAsync();
        Assert.Equal((0, 1), (empty.Version.Version, after.Version.Version));
        var (entry, _) = Assert.Single(after.Members);
        Assert.Equal((Entry(1, SiloStatus.Joining).SiloAddress, SiloStatus.Joining, LongAgo), (entry.SiloAddress, entry.Status, entry.StartTime));
    }

    [MariaDbFact]
    public async Task InsertRow_WithAStaleVersion_IsRefusedAndChangesNothing()
    {
        var table = await CreateTableAsync();
        var stale = (await table.ReadAllAsync()).Version;
        Assert.True(await table.InsertRowAsync(Entry(1, SiloStatus.Joining), stale.Next()));

        Assert.False(await table.InsertRowAsync(Entry(2, SiloStatus.Joining), stale.Next()));

        var after = await table.ReadAllAsync();
        Assert.Equal((1, 1), (after.Members.Count, after.Version.Version));
    }

    [MariaDbFact]
    public async Task InsertRow_ForASiloAlreadyInTheTable_IsRefusedAndKeepsTheVersion()
    {
        var table = await CreateTableAsync();
        Assert.True(await table.InsertRowAsync(Entry(1, SiloStatus.Joining), (await table.ReadAllAsync()).Version.Next()));

        Assert.False(await table.InsertRowAsync(Entry(1, SiloStatus.Active), (await table.ReadAllAsync()).Version.Next()));

        var after = await table.ReadAllAsync();
        Assert.Equal((SiloStatus.Joining, 1), (Assert.Single(after.Members).Item1.Status, after.Version.Version));
    }

    [MariaDbFact]
    public async Task UpdateRow_AgainstTheCurrentVersionOnly_ChangesTheSiloAndBumpsTheVersion()
    {
        var table = await CreateTableAsync();
        Assert.True(await table.InsertRowAsync(Entry(1, SiloStatus.Joining), (await table.ReadAllAsync()).Version.Next()));
        var read = await table.ReadRowAsync(Entry(1, SiloStatus.Joining).SiloAddress);
        var (entry, etag) = Assert.Single(read.Members);

        entry.Status = SiloStatus.Active;
        Assert.True(await table.UpdateRowAsync(entry, etag, read.Version.Next()));
        entry.Status = SiloStatus.Dead;
        Assert.False(await table.UpdateRowAsync(entry, etag, read.Version.Next()));

        var after = await table.ReadAllAsync();
        Assert.Equal((SiloStatus.Active, 2), (Assert.Single(after.Members).Item1.Status, after.Version.Version));
    }

    [MariaDbFact]
    public async Task CleanupDefunctSiloEntries_RemovesOldDeadSilosOnly()
    {
        var table = await CreateTableAsync();
        Assert.True(await table.InsertRowAsync(Entry(1, SiloStatus.Dead), (await table.ReadAllAsync()).Version.Next()));
        Assert.True(await table.InsertRowAsync(Entry(2, SiloStatus.Active), (await table.ReadAllAsync()).Version.Next()));

        await table.CleanupDefunctSiloEntriesAsync(DateTimeOffset.UtcNow);

        var (survivor, _) = Assert.Single((await table.ReadAllAsync()).Members);
        Assert.Equal(SiloStatus.Active, survivor.Status);
    }

    [MariaDbFact]
    public async Task DeleteMembershipTableEntries_RemovesTheClusterVersionRowAndSilos()
    {
        var clusterId = $"table-{Guid.NewGuid():N}";
        var table = await CreateTableAsync(clusterId);
        Assert.True(await table.InsertRowAsync(Entry(1, SiloStatus.Active), (await table.ReadAllAsync()).Version.Next()));

        await table.DeleteMembershipTableEntriesAsync(clusterId);

        await using var connection = await cluster.Database.ConnectionFactory.OpenConnectionAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>(
            "SELECT (SELECT COUNT(*) FROM orleans_membership WHERE DeploymentId = @clusterId)"
            + " + (SELECT COUNT(*) FROM orleans_membership_versions WHERE DeploymentId = @clusterId)", new { clusterId }));
    }

    private async Task<AdoNetClusteringTable> CreateTableAsync(string? clusterId = null)
    {
        var table = new AdoNetClusteringTable(
            cluster.First.Services,
            Options.Create(new ClusterOptions { ClusterId = clusterId ?? $"table-{Guid.NewGuid():N}", ServiceId = OrleansClusterFixture.ServiceId }),
            Options.Create(new AdoNetClusteringSiloOptions { Invariant = OrleansSilo.Invariant, ConnectionString = cluster.Database.ConnectionString }),
            NullLogger<AdoNetClusteringTable>.Instance);
        await table.InitializeMembershipTableAsync(tryInitTableVersion: true);
        return table;
    }

    private static MembershipEntry Entry(int generation, SiloStatus status) => new()
    {
        SiloAddress = SiloAddress.New(IPAddress.Loopback, 40000, generation),
        Status = status,
        SiloName = $"silo-{generation}",
        HostName = "localhost",
        ProxyPort = 40001,
        StartTime = LongAgo,
        IAmAliveTime = LongAgo,
    };
}
