using Dapper;
using Hospital.Silo.Storage;
using Hospital.Silo.Storage.Migrations;
using Hospital.TestSupport.Databases;
using Hospital.TestSupport.MariaDb;

namespace Hospital.OrleansSchema.Tests;

/// <summary>The Orleans script as a migration: complete, recorded like the others, and safe to run again.</summary>
public sealed class OrleansMigrationTests(MariaDbDatabaseFixture fixture) : IClassFixture<MariaDbDatabaseFixture>
{
    private static SchemaScript OrleansScript =>
        SchemaScripts.Migrations(StorageProvider.MySql).Single(script => script.Description == "orleans");

    [MariaDbFact]
    public async Task Migrate_StoresAQueryForEveryKeyTheProvidersLookUp()
    {
        await using var connection = await fixture.Database.ConnectionFactory.OpenConnectionAsync();

        var keys = await connection.QueryAsync<string>("SELECT QueryKey FROM OrleansQuery");

        Assert.Equal(OrleansQueryKeys.All.Order(), keys.Order());
    }

    [MariaDbFact]
    public async Task Migrate_RecordsTheOrleansScriptInSchemaVersion()
    {
        await using var connection = await fixture.Database.ConnectionFactory.OpenConnectionAsync();

        var description = await connection.ExecuteScalarAsync<string>(
            "SELECT description FROM schema_version WHERE version = @Version", new { OrleansScript.Version });

        Assert.Equal("orleans", description);
    }

    [MariaDbFact]
    public async Task OrleansScript_RunAgainOnAMigratedDatabase_ChangesNothing()
    {
        var database = await fixture.CreateDatabaseAsync();
        await using var connection = await database.ConnectionFactory.OpenConnectionAsync();
        var before = await ReadQueriesAsync(connection);

        await connection.ExecuteAsync(OrleansScript.Sql);

        Assert.Equal(before, await ReadQueriesAsync(connection));
        Assert.Empty(await database.MigrateAsync());
    }

    private static async Task<List<(string Key, string Text)>> ReadQueriesAsync(System.Data.Common.DbConnection connection) =>
        (await connection.QueryAsync<(string, string)>("SELECT QueryKey, QueryText FROM OrleansQuery ORDER BY QueryKey")).ToList();
}
