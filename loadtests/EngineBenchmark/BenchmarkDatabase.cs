using System.Data.Common;
using Dapper;
using Hospital.Grains.Abstractions.Booking;
using Hospital.Grains.Catalog;
using Hospital.Silo.Storage;
using Hospital.Silo.Storage.Catalog;
using Hospital.Silo.Storage.Migrations;
using Hospital.Silo.Storage.MySql;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hospital.LoadTests.EngineBenchmark;

/// <summary>A fresh database per round on the given MySQL/MariaDB server, migrated, with the given sessions (one big session per contender, one per rehearsal).</summary>
internal sealed class BenchmarkDatabase
{
    private BenchmarkDatabase(string name, string connectionString, IDbConnectionFactory connections) =>
        (Name, ConnectionString, Connections) = (name, connectionString, connections);

    /// <summary>The database's name on the server.</summary>
    public string Name { get; }

    public string ConnectionString { get; }

    public IDbConnectionFactory Connections { get; }

    public static async Task<BenchmarkDatabase> CreateAsync(string serverConnectionString, params (string Id, int Quota)[] sessions)
    {
        var name = $"bench_{Guid.NewGuid():N}"[..20];
        await using (var server = await new MySqlConnectionFactory(serverConnectionString).OpenConnectionAsync())
            await server.ExecuteAsync($"CREATE DATABASE {name} CHARACTER SET utf8mb4");
        // The driver's own pool size (our factory's default is smaller), as the plain approach would run with.
        var builder = new DbConnectionStringBuilder { ConnectionString = serverConnectionString, ["Database"] = name, ["Maximum Pool Size"] = 100 };
        var connections = new MySqlConnectionFactory(builder.ConnectionString);
        await new SchemaMigrator(connections, TimeProvider.System, NullLogger<SchemaMigrator>.Instance).MigrateAsync();

        var catalog = new SqlCatalogStore(connections);
        await catalog.SaveDepartmentAsync(new Department(1, "心血管内科", "门诊楼2层A区", "benchmark"), ReleasePolicy.RollingSevenDays);
        await catalog.SaveRoomAsync(new Room("2A-01", 1, "门诊楼2层A区1诊室"));
        await catalog.SaveDoctorAsync(new Doctor(1, 1, "测试医生", DoctorTitle.ChiefPhysician, ["高血压"], 50m, "benchmark", 5));
        await catalog.AddMissingSessionsAsync(sessions.Select(s => HotSession(s.Id, s.Quota)).ToList());
        return new BenchmarkDatabase(name, builder.ConnectionString, connections);
    }

    /// <summary>The id of a benchmark session: doctor 1's morning, <paramref name="day"/> days after tomorrow.</summary>
    public static string SessionId(int day) => SessionKey.Build(1, Tomorrow.AddDays(day), SessionPeriod.Morning);

    /// <summary>Counts slots held twice and occupied slots that disagree with the session's counters; 0 means consistent.</summary>
    public async Task<int> OversoldAsync(string sessionId)
    {
        await using var connection = await Connections.OpenConnectionAsync();
        var rows = await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM appointments WHERE session_id = @sessionId AND slot_lock = 1", new { sessionId });
        var slots = await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(DISTINCT slot_no) FROM appointments WHERE session_id = @sessionId AND slot_lock = 1", new { sessionId });
        var counted = await connection.ExecuteScalarAsync<long>(
            "SELECT held_count + booked_count FROM sessions WHERE session_id = @sessionId", new { sessionId });
        var quota = await connection.ExecuteScalarAsync<long>("SELECT quota FROM sessions WHERE session_id = @sessionId", new { sessionId });
        return (int)(rows - slots + Math.Abs(counted - rows) + Math.Max(0, rows - quota));
    }

    private static DateOnly Tomorrow => HospitalTime.China.DateOf(DateTimeOffset.UtcNow).AddDays(1);

    /// <summary>A session with <paramref name="quota"/> app slots, all in one slice, released a week ago.</summary>
    private static SessionDefinition HotSession(string sessionId, int quota)
    {
        var (_, date, period) = SessionKey.Parse(sessionId);
        var start = HospitalTime.China.At(date, new TimeOnly(8, 0));
        var slots = Enumerable.Range(1, quota).Select(n => new SlotDefinition(n, start, start.AddMinutes(30), BookingChannel.App)).ToList();
        return new SessionDefinition(sessionId, 1, 1, date, period, "2A-01", 50m, quota, start.AddDays(-8), slots);
    }
}
