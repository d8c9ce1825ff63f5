using Hospital.Grains.Abstractions.Runtime;
using Hospital.Grains.Abstractions.Storage;
using Hospital.Silo.Hosting;
using Hospital.TestSupport.Contracts;
using Hospital.TestSupport.Databases;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Hospital.Silo.Tests.Runtime.Storage;

/// <summary>IPersistentState over the real store on each backend: loaded before the first call, never overwritten by a stale activation.</summary>
public abstract class PersistentStateContract(TestDatabaseFixture fixture) : IAsyncLifetime
{
    private readonly List<IHost> _hosts = [];

    [ContractFact]
    public async Task State_WrittenByOneHost_IsLoadedBeforeTheFirstCallOnAnother()
    {
        var key = Guid.NewGuid().ToString("N");
        var first = await StartHostAsync();
        await Counter(first, key).AddAsync(5);

        var second = await StartHostAsync();
        Assert.Equal(5, await Counter(second, key).GetAsync());
    }

    [ContractFact]
    public async Task Write_FromAStaleActivation_FailsWithoutOverwritingAndTheNextCallReloads()
    {
        var key = Guid.NewGuid().ToString("N");
        var nodeA = await StartHostAsync();
        var nodeB = await StartHostAsync();
        Assert.Equal(0, await Counter(nodeB, key).GetAsync()); // B activates and reads version "none"

        await Counter(nodeA, key).AddAsync(1);
        await Assert.ThrowsAsync<InconsistentStateException>(() => Counter(nodeB, key).AddAsync(100));
        var afterReload = await Counter(nodeB, key).AddAsync(10);

        Assert.Equal(11, afterReload);
        Assert.Equal(11, await Counter(await StartHostAsync(), key).GetAsync());
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.StopAsync();
            host.Dispose();
        }
    }

    private static ICounterGrain Counter(IHost host, string key) => host.Services.GetRequiredService<IGrainFactory>().GetGrain<ICounterGrain>(key);

    private async Task<IHost> StartHostAsync()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = fixture.Database.Provider.ToString(),
            ["Storage:ConnectionString"] = fixture.Database.ConnectionString,
        });
        builder.Services.AddSiloRuntime(builder.Configuration).AddSiloStorage(builder.Configuration).AddGrain<ICounterGrain, CounterGrain>();
        var host = builder.Build();
        await host.StartAsync();
        _hosts.Add(host);
        return host;
    }
}

public sealed class SqlitePersistentStateContract(SqliteDatabaseFixture fixture) : PersistentStateContract(fixture), IClassFixture<SqliteDatabaseFixture>;

[TestSupport.MariaDb.RequiresMariaDb]
public sealed class MariaDbPersistentStateContract(MariaDbDatabaseFixture fixture) : PersistentStateContract(fixture), IClassFixture<MariaDbDatabaseFixture>;

public interface ICounterGrain : IGrainWithStringKey
{
    Task<int> AddAsync(int amount);

    Task<int> GetAsync();
}

public sealed class CounterState
{
    public int Total { get; set; }
}

public sealed class CounterGrain(IPersistentState<CounterState> state) : Grain, ICounterGrain
{
    public async Task<int> AddAsync(int amount)
    {
        state.State.Total += amount;
        await state.WriteStateAsync();
        return state.State.Total;
    }

    public Task<int> GetAsync() => Task.FromResult(state.State.Total);
}
