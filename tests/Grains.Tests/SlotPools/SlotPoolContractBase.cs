using Dapper;
using Orleans;
using Hospital.TestSupport;
using Hospital.TestSupport.Databases;
using Hospital.TestSupport.Hospital;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Hospital.Grains.Tests.SlotPools;

/// <summary>
/// Shared set-up of the slot engine's contract suites: a fresh seeded database per test, and Orleans test clusters of the
/// hospital's silos over it, all on one fake clock.
/// </summary>
public abstract class SlotPoolContractBase(TestDatabaseFixture fixture) : IAsyncLifetime
{
    private readonly List<HospitalTestCluster> _clusters = [];

    protected TestDatabase Database { get; private set; } = null!;

    protected FakeTimeProvider Clock { get; } = TestCatalog.NewClock();

    public async Task InitializeAsync()
    {
        if (fixture.SkipReason is not null) return;
        Database = await fixture.CreateDatabaseAsync();
        await TestCatalog.SeedAsync(Database);
    }

    public async Task DisposeAsync()
    {
        foreach (var cluster in _clusters) await cluster.DisposeAsync();
    }

    /// <summary>
    /// Starts a cluster of <paramref name="silos"/> over this test's database. Clusters started side by side are nodes that
    /// do not share a cluster (only the database's version checks keep them apart); one started after another stopped is a restart.
    /// </summary>
    protected async Task<HospitalTestCluster> StartClusterAsync(IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configure = null, short silos = 1)
    {
        var cluster = await HospitalTestCluster.StartAsync(Database, Clock, settings, configure, silos);
        _clusters.Add(cluster);
        return cluster;
    }

    protected async Task StopClusterAsync(HospitalTestCluster cluster)
    {
        _clusters.Remove(cluster);
        await cluster.DisposeAsync();
    }

    protected static ISlotPoolGrain Pool(IGrainFactory grains, string sessionId) => grains.GetGrain<ISlotPoolGrain>(sessionId);

    protected static async Task<string> RegisterPatientAsync(HospitalTestCluster host)
    {
        var registry = host.Services.GetRequiredService<Hospital.Grains.Patients.PatientRegistry>();
        return (await registry.RegisterAsync("李四", "11010519491231002X", "13812345678")).Patient.Id;
    }

    /// <summary>A one-silo cluster over this test's database with one registered patient.</summary>
    protected async Task<(HospitalTestCluster Host, string PatientId)> StartWithPatientAsync()
    {
        var host = await StartClusterAsync();
        return (host, await RegisterPatientAsync(host));
    }

    protected static HoldRequest Request(string sessionId, string patientId, int? slotNo = null, BookingChannel channel = BookingChannel.App) =>
        new(TestAppointmentIds.Of(sessionId, patientId, "key-1"), patientId, channel, slotNo, patientId, "key-1");

    protected async Task<IReadOnlyList<(string Id, int SlotNo, string Status)>> RowsAsync(string sessionId)
    {
        await using var connection = await Database.ConnectionFactory.OpenConnectionAsync();
        var rows = await connection.QueryAsync<(string, long, string)>(
            "SELECT id, slot_no, status FROM appointments WHERE session_id = @sessionId", new { sessionId });
        return rows.Select(r => (r.Item1, (int)r.Item2, r.Item3)).ToList();
    }

    protected async Task<T> ScalarAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = await Database.ConnectionFactory.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<T>(sql, parameters) ?? throw new InvalidOperationException($"No value: {sql}");
    }
}
