using Dapper;
using Hospital.OrleansSchema.Tests.Cluster;
using Hospital.OrleansSchema.Tests.Grains;
using Hospital.TestSupport.MariaDb;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using Orleans.Storage;

namespace Hospital.OrleansSchema.Tests;

/// <summary>Grain state in our orleans_storage table, through Orleans' ADO.NET grain storage provider.</summary>
[Collection(OrleansClusterCollection.Name)]
public sealed class GrainStorageTests(OrleansClusterFixture cluster)
{
    [MariaDbFact]
    public async Task State_WrittenThenDeactivated_IsReadBackFromTheDatabase()
    {
        var counter = cluster.First.GrainFactory.GetGrain<ICounterGrain>($"deactivated-{Guid.NewGuid():N}");
        await counter.AddAsync(5);
        await counter.AddAsync(2);

        await counter.DeactivateAsync();

        Assert.Equal(7, await counter.GetAsync());
    }

    [MariaDbFact]
    public async Task State_WrittenByTheCluster_IsReadBySiloStartedAfterwards()
    {
        var key = $"restarted-{Guid.NewGuid():N}";
        await cluster.First.GrainFactory.GetGrain<ICounterGrain>(key).AddAsync(11);

        await using var restarted = await cluster.StartLoneSiloAsync();

        Assert.Equal(11, await restarted.GrainFactory.GetGrain<ICounterGrain>(key).GetAsync());
    }

    [MariaDbFact]
    public async Task Write_WithAStaleETag_IsRefusedWithInconsistentStateAndStoresNothing()
    {
        var key = $"stale-{Guid.NewGuid():N}";
        var counter = cluster.First.GrainFactory.GetGrain<ICounterGrain>(key);
        await counter.AddAsync(1);
        await using var connection = await cluster.Database.ConnectionFactory.OpenConnectionAsync();
        // Another writer (a node that also believed it owned the grain) stores version 2 behind this activation's back.
        // A string key is stored whole in GrainIdExtensionString.
        Assert.Equal(1, await connection.ExecuteAsync(
            "UPDATE orleans_storage SET Version = 2 WHERE GrainIdExtensionString = @key AND Version = 1", new { key }));

        await Assert.ThrowsAsync<InconsistentStateException>(() => counter.AddAsync(1));

        Assert.Equal(2, await connection.ExecuteScalarAsync<int>(
            "SELECT Version FROM orleans_storage WHERE GrainIdExtensionString = @key", new { key }));
    }

    [MariaDbFact]
    public async Task FirstWrite_WhenTheStateHasARowAlready_IsRefused()
    {
        var storage = Storage();
        var grainId = GrainId.Create("probe", $"first-{Guid.NewGuid():N}");
        var winner = new GrainState<CounterState>(new CounterState { Value = 1 });
        var loser = new GrainState<CounterState>(new CounterState { Value = 2 });

        await storage.WriteStateAsync("probe-state", grainId, winner);

        Assert.Equal("1", winner.ETag);
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("probe-state", grainId, loser));
        var read = new GrainState<CounterState>(new CounterState());
        await storage.ReadStateAsync("probe-state", grainId, read);
        Assert.Equal((1, "1", true), (read.State!.Value, read.ETag, read.RecordExists));
    }

    [MariaDbFact]
    public async Task Clear_KeepsTheVersionSoAReadFindsNoRecordAndTheNextWriteContinues()
    {
        var storage = Storage();
        var grainId = GrainId.Create("probe", $"cleared-{Guid.NewGuid():N}");
        var state = new GrainState<CounterState>(new CounterState { Value = 3 });
        await storage.WriteStateAsync("probe-state", grainId, state);

        await storage.ClearStateAsync("probe-state", grainId, state);

        var read = new GrainState<CounterState>(new CounterState { Value = 99 });
        await storage.ReadStateAsync("probe-state", grainId, read);
        Assert.Equal((0, "2", false), (read.State!.Value, read.ETag, read.RecordExists));
        read.State!.Value = 4;
        await storage.WriteStateAsync("probe-state", grainId, read);
        Assert.Equal("3", read.ETag);
    }

    private IGrainStorage Storage() =>
        cluster.First.Services.GetRequiredKeyedService<IGrainStorage>(OrleansSilo.StorageName);
}
