using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hospital.TestSupport.Contracts;
using Hospital.TestSupport.Databases;
using Hospital.TestSupport.MariaDb;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hospital.Api.Tests.Hospital;

/// <summary>
/// Rows stored before the admin checks existed (or by hand) never stop a node: it starts, plans the rest, logs each bad
/// row once with its key, and lists them for admins at GET /api/admin/catalog/skipped-rows and in /health/ready.
/// </summary>
public abstract class StoredBadRowsContract(TestDatabaseFixture fixture) : HospitalApiContractBase(fixture)
{
    [ContractFact]
    public async Task Start_WithADoctorMinusOneAndAHugeQuotaStored_ServesPlansAndListsTheSkippedRows()
    {
        await ExecuteAsync("INSERT INTO doctors (id, department_id, name, title, specialties, fee, introduction, rating) " +
                           "VALUES (-1, 1, 'x', 'ChiefPhysician', '[]', 10, '', 4)");
        await ExecuteAsync("INSERT INTO schedule_templates (doctor_id, weekday, period, room, quota, slot_minutes, phone_window_share, add_on_share) " +
                           "VALUES (-1, 1, 'Morning', '2A-01', 20, 10, 0, 0), (1, 2, 'Afternoon', '2A-01', 2000000, 1, 0, 0)");
        var logs = new CapturedLogs();
        var client = StartApp(configureServices: services => services.AddSingleton<ILoggerProvider>(logs)).CreateClient();

        var doctors = await client.GetAsync("/api/doctors");
        var write = await client.SendAsync(Admin(HttpMethod.Put, "/api/admin/doctors/1/templates/Wednesday/Evening",
            new { room = "2A-01", quota = 20, slotMinutes = 10, phoneWindowShare = 0, doctorAddOnShare = 0 }));
        var skipped = await client.SendAsync(Admin(HttpMethod.Get, "/api/admin/catalog/skipped-rows"));
        var ready = await client.GetFromJsonAsync<JsonElement>("/health/ready");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.NoContent, HttpStatusCode.OK), (doctors.StatusCode, write.StatusCode, skipped.StatusCode));
        var rows = (await skipped.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray()
            .Select(r => $"{r.GetProperty("table").GetString()} {r.GetProperty("key").GetString()}").Order().ToList();
        Assert.Equal(["doctors id=-1", "schedule_templates doctor_id=-1, weekday=1, period=Morning", "schedule_templates doctor_id=1, weekday=2, period=Afternoon"], rows);
        Assert.Equal("Degraded", ready.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "catalog").GetProperty("status").GetString());
        // Two plans ran (the start and the admin write); each row is logged once.
        var warnings = logs.Entries.Where(e => e.Level == LogLevel.Warning && e.Message.StartsWith("Catalog row skipped", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, warnings.Count);
        Assert.Contains(warnings, w => w.Message.Contains("doctors id=-1", StringComparison.Ordinal));
    }

    [ContractFact]
    public async Task Start_WithACleanCatalog_ReportsItHealthyAndListsNothing()
    {
        var skipped = await Client.SendAsync(Admin(HttpMethod.Get, "/api/admin/catalog/skipped-rows"));
        var ready = await Client.GetFromJsonAsync<JsonElement>("/health/ready");

        Assert.Equal(0, (await skipped.Content.ReadFromJsonAsync<JsonElement>()).GetArrayLength());
        Assert.Equal("Healthy", ready.GetProperty("status").GetString());
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = await Database.ConnectionFactory.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}

public sealed class SqliteStoredBadRowsContract(SqliteDatabaseFixture fixture) : StoredBadRowsContract(fixture), IClassFixture<SqliteDatabaseFixture>;

[RequiresMariaDb]
public sealed class MariaDbStoredBadRowsContract(MariaDbDatabaseFixture fixture) : StoredBadRowsContract(fixture), IClassFixture<MariaDbDatabaseFixture>;
