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

    private static async Task<List<(int Version, string Description)>> ReadRecordedVersionsAsync(TestDatabase database)
    {
        await using DbConnection connection = await database.ConnectionFactory.OpenConnectionAsync();
        var rows = await connection.QueryAsync<(int, string)>("SELECT version, description FROM schema_version ORDER BY version");
        return rows.ToList();
    }
}
