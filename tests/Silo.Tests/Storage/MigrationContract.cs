using System.Data.Common;
using Dapper;
using Hospital.Silo.Storage.Migrations;
using Hospital.TestSupport.Contracts;
using Hospital.TestSupport.Databases;

namespace Hospital.Silo.Tests.Storage;

/// <summary>The schema migrator's contract, run on every backend by the subclasses below.</summary>
public abstract class MigrationContract(TestDatabaseFixture fixture)
{
    [ContractFact]
    public async Task Migrate_OnEmptyDatabase_AppliesEveryScriptInOrderAndRecordsIt()
    {
        var database = await fixture.CreateDatabaseAsync(migrate: false);
        var scripts = SchemaScripts.Migrations(database.Provider);

        var applied = await database.MigrateAsync();

        Assert.Equal(scripts.Select(script => script.Version), applied);
        Assert.Equal(
            scripts.Select(script => (script.Version, script.Description)),
            await ReadRecordedVersionsAsync(database));
        await using var connection = await database.ConnectionFactory.OpenConnectionAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM grain_state"));
    }

    [ContractFact]
    public async Task Migrate_WhenRunAgain_AppliesNothingAndKeepsTheRecord()
    {
        var database = await fixture.CreateDatabaseAsync(migrate: false);
        await database.MigrateAsync();
        var recordedBefore = await ReadRecordedVersionsAsync(database);

        var appliedAgain = await database.MigrateAsync();

        Assert.Empty(appliedAgain);
        Assert.Equal(recordedBefore, await ReadRecordedVersionsAsync(database));
    }

    [ContractFact]
    public async Task Migrate_FromManyNodesAtOnce_AppliesEachScriptExactlyOnce()
    {
        var database = await fixture.CreateDatabaseAsync(migrate: false);
        var scripts = SchemaScripts.Migrations(database.Provider);
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var runs = Enumerable.Range(0, 8).Select(async _ =>
        {
            await start.Task;
            return await database.CreateMigrator().MigrateAsync();
        }).ToList();

        start.SetResult();
        var results = await Task.WhenAll(runs);

        Assert.Equal(scripts.Select(script => script.Version), results.SelectMany(applied => applied).Order());
        Assert.Equal(scripts.Count, (await ReadRecordedVersionsAsync(database)).Count);
    }

    [ContractFact]
    public async Task Migrate_FromVersion2_MovesEverySessionsDefinitionOutOfTheSessionRow()
    {
        var database = await fixture.CreateDatabaseAsync(migrate: false);
        await using var connection = await database.ConnectionFactory.OpenConnectionAsync();
        await connection.ExecuteAsync(SchemaScripts.VersionTable(database.Provider));
        foreach (var script in SchemaScripts.Migrations(database.Provider).Where(script => script.Version <= 2))
        {
            await connection.ExecuteAsync(script.Sql);
            await connection.ExecuteAsync("INSERT INTO schema_version (version, description, applied_at) VALUES (@Version, @Description, @AppliedAt)",
                new { script.Version, script.Description, AppliedAt = DateTime.UtcNow });
        }
        const string definition = "{\"sessionId\":\"D1-20261203-AM\",\"quota\":2,\"slots\":[{\"no\":1},{\"no\":2}]}";
        await connection.ExecuteAsync(
            "INSERT INTO departments (id, name, location, description, release_window_days, release_time, weekly_release_day) VALUES (1, '心内科', 'A', '', 7, '08:00', NULL)");
        await connection.ExecuteAsync(
            "INSERT INTO doctors (id, department_id, name, title, specialties, fee, introduction, rating) VALUES (1, 1, '张医生', 'Chief', '', 50, '', 5)");
        await connection.ExecuteAsync(
            "INSERT INTO sessions (session_id, doctor_id, department_id, visit_date, period, room, fee, quota, opens_at, definition, status, held_count) " +
            "VALUES ('D1-20261203-AM', 1, 1, '2026-12-03', 'Morning', '2A-01', 50, 2, @OpensAt, @definition, 'Open', 1)",
            new { OpensAt = new DateTime(2026, 11, 26, 0, 0, 0, DateTimeKind.Utc), definition });

        var applied = await database.MigrateAsync();

        Assert.Contains(3, applied);
        Assert.Equal(definition, await connection.ExecuteScalarAsync<string>("SELECT definition FROM session_definitions WHERE session_id = 'D1-20261203-AM'"));
        var session = (IDictionary<string, object>)await connection.QuerySingleAsync("SELECT * FROM sessions");
        Assert.DoesNotContain("definition", session.Keys);
        Assert.Equal(1L, Convert.ToInt64(session["held_count"]));
    }

    private static async Task<List<(int Version, string Description)>> ReadRecordedVersionsAsync(TestDatabase database)
    {
        await using DbConnection connection = await database.ConnectionFactory.OpenConnectionAsync();
        var rows = await connection.QueryAsync<(int, string)>("SELECT version, description FROM schema_version ORDER BY version");
        return rows.ToList();
    }
}
