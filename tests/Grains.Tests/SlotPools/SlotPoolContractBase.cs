using Dapper;
using Orleans;
using Hospital.TestSupport;
using Hospital.TestSupport.Databases;
using Hospital.TestSupport.Hospital;
using Microsoft.Extensions.DependencyInjection;

namespace Hospital.Grains.Tests.SlotPools;

/// <summary>Shared set-up of the slot engine's contract suites: a fresh seeded database and a silo over it per test.</summary>
public abstract class SlotPoolContractBase(TestDatabaseFixture fixture) : IAsyncLifetime
{
    private readonly List<HospitalTestHost> _hosts = [];

    protected TestDatabase Database { get; private set; } = null!;

    protected ManualTimeProvider Clock { get; } = TestCatalog.NewClock();

    public async Task InitializeAsync()
    {
        if (fixture.SkipReason is not null) return;
        Database = await fixture.CreateDatabaseAsync();
        await TestCatalog.SeedAsync(Database);
    }

    public async Task DisposeAsync()
    {
        foreach (var host in _hosts) await host.DisposeAsync();
    }

    /// <summary>Starts a silo (a node) over this test's database; several may run at once.</summary>
    protected async Task<HospitalTestHost> StartHostAsync(IDictionary<string, string?>? settings = null,
        Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? configure = null)
    {
        var host = await HospitalTestHost.StartAsync(Database, Clock, settings, configure);
        _hosts.Add(host);
        return host;
    }

    protected async Task StopHostAsync(HospitalTestHost host)
    {
        _hosts.Remove(host);
        await host.DisposeAsync();
    }

    protected static ISlotPoolGrain Pool(IGrainFactory grains, string sessionId) => grains.GetGrain<ISlotPoolGrain>(sessionId);

    protected static async Task<string> RegisterPatientAsync(HospitalTestHost host)
    {
        var registry = host.Services.GetRequiredService<Hospital.Grains.Patients.PatientRegistry>();
        return (await registry.RegisterAsync("李四", "11010519491231002X", "13812345678")).Patient.Id;
    }

    protected static HoldRequest Request(string sessionId, string patientId, int? slotNo = null, BookingChannel channel = BookingChannel.App) =>
        new(AppointmentKey.Build(sessionId, patientId, "key-1"), patientId, channel, slotNo, patientId, "key-1");

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
