using Dapper;
using Hospital.Grains.Storage;
using Hospital.OrleansSchema.Tests.Grains;
using Hospital.TestSupport;
using Hospital.TestSupport.Contracts;
using Hospital.TestSupport.Databases;
using Hospital.TestSupport.Hospital;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using Orleans.Runtime;
using Orleans.Storage;

namespace Hospital.OrleansSchema.Tests.Persistence;

/// <summary>
/// Grain state and reminders as the hospital's host registers them (AddSilo), in each mode: our grain storage and
/// reminder table on SQLite, Orleans' ADO.NET providers on MariaDB. A restart is a host stopped and a new one started
/// over the same database; two hosts running at once are two nodes that each believe they own a grain.
/// </summary>
public abstract class SiloPersistenceContract(TestDatabaseFixture fixture)
{
    private static readonly TimeSpan ReminderPeriod = TimeSpan.FromSeconds(2);

    private readonly string _key = $"persisted-{Guid.NewGuid():N}";

    [ContractFact]
    public async Task State_WrittenBeforeARestart_IsReadByTheNextHost()
    {
        await using (var before = await StartHostAsync())
        {
            var counter = before.Grains.GetGrain<ICounterGrain>(_key);
            await counter.AddAsync(5);
            await counter.AddAsync(2);
        }

        await using var after = await StartHostAsync();

        Assert.Equal(7, await after.Grains.GetGrain<ICounterGrain>(_key).GetAsync());
    }

    [ContractFact]
    public async Task State_IsStoredAsJsonByPropertyNameWithoutTypeNames()
    {
        await using var host = await StartHostAsync();

        await host.Grains.GetGrain<ICounterGrain>(_key).AddAsync(7);

        await using var connection = await fixture.Database.ConnectionFactory.OpenConnectionAsync();
        Assert.Equal("""{"value":7}""", await connection.ExecuteScalarAsync<string>(StoredPayloadSql, new { Key = _key }));
    }

    [ContractFact]
    public async Task Write_FromAnActivationAnotherNodeHasOverwritten_ThrowsInconsistentStateAndKeepsTheNewerState()
    {
        await using var first = await StartHostAsync();
        await using var second = await StartHostAsync();
        var stale = first.Grains.GetGrain<ICounterGrain>(_key);
        var current = second.Grains.GetGrain<ICounterGrain>(_key);
        await stale.AddAsync(1);
        Assert.Equal(11, await current.AddAsync(10));

        await Assert.ThrowsAsync<InconsistentStateException>(() => stale.AddAsync(100));

        await current.DeactivateAsync();
        Assert.Equal(11, await current.GetAsync());
    }

    [ContractFact]
    public async Task Clear_LeavesNoRecordAndRefusesAStaleETag_ThenTheClearedStateCanBeWrittenAgain()
    {
        await using var host = await StartHostAsync();
        var storage = host.Services.GetRequiredKeyedService<IGrainStorage>(HospitalStorage.Name);
        var grainId = GrainId.Create("persistence-probe", _key);
        var state = new GrainState<CounterState>(new CounterState { Value = 3 });
        await storage.WriteStateAsync("counter", grainId, state);
        var staleETag = state.ETag;
        await storage.WriteStateAsync("counter", grainId, state);

        await Assert.ThrowsAsync<InconsistentStateException>(() =>
            storage.ClearStateAsync("counter", grainId, new GrainState<CounterState>(new CounterState()) { ETag = staleETag }));
        await storage.ClearStateAsync("counter", grainId, state);

        var read = new GrainState<CounterState>(new CounterState { Value = 99 });
        await storage.ReadStateAsync("counter", grainId, read);
        Assert.Equal((0, false), (read.State!.Value, read.RecordExists));
        await Assert.ThrowsAsync<InconsistentStateException>(() =>
            storage.WriteStateAsync("counter", grainId, new GrainState<CounterState>(new CounterState()) { ETag = staleETag }));
        state.State!.Value = 4;
        await storage.WriteStateAsync("counter", grainId, state);
        await storage.ReadStateAsync("counter", grainId, read);
        Assert.Equal((4, true, state.ETag), (read.State.Value, read.RecordExists, read.ETag));
    }

    [ContractFact]
    public async Task Reminder_RegisteredBeforeARestart_FiresAfterIt()
    {
        await using (var before = await StartHostAsync())
        {
            // Due well after the restart, so the tick counted below can only come from the next host's reminder service.
            await before.Grains.GetGrain<IReminderProbeGrain>(_key).RegisterAsync("wake", TimeSpan.FromSeconds(5), ReminderPeriod);
        }

        await using var after = await StartHostAsync();
        var probe = after.Grains.GetGrain<IReminderProbeGrain>(_key);

        var ticks = await Eventually.ReturnsAsync(probe.GetTicksAsync, count => count >= 1, TimeSpan.FromSeconds(60));
        Assert.InRange(ticks, 1, int.MaxValue);
        await probe.UnregisterAsync("wake");
    }

    /// <summary>Reads the stored state of the counter whose key is @Key, as text, from this mode's table.</summary>
    protected abstract string StoredPayloadSql { get; }

    private Task<HospitalTestCluster> StartHostAsync() =>
        HospitalTestCluster.StartAsync(fixture.Database, TestCatalog.NewClock(), configureServices: services =>
            services.Configure<ReminderOptions>(reminders => reminders.MinimumReminderPeriod = ReminderPeriod));
}
