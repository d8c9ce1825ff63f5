using System.Data.Common;
using Dapper;
using Hospital.TestSupport.Databases;
using Hospital.TestSupport.MariaDb;

namespace Hospital.Silo.Tests.Storage;

/// <summary>
/// Statements whose result columns are in MariaDB's utf8mb3 system charset, which the driver must read: MySql.Data
/// 8.0.16, our first MySQL driver, did not know that charset's name, and each of these killed its connection.
/// </summary>
public sealed class MySqlSystemCharsetTests(MariaDbDatabaseFixture fixture) : IClassFixture<MariaDbDatabaseFixture>
{
    [MariaDbFact]
    public async Task SelectVersion_ReturnsTheServerVersion()
    {
        await using var connection = await OpenAsync();

        Assert.Contains("MariaDB", await connection.ExecuteScalarAsync<string>("SELECT @@version"));
    }

    [MariaDbFact]
    public async Task InformationSchemaQuery_ListsTheMigratedTables()
    {
        await using var connection = await OpenAsync();

        var tables = await connection.QueryAsync<string>(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE() ORDER BY table_name");

        Assert.Contains("grain_state", tables);
        Assert.Contains("schema_version", tables);
    }

    [MariaDbFact]
    public async Task DropTableIfExistsOnMissingTable_LeavesTheConnectionUsable()
    {
        await using var connection = await OpenAsync();

        // The note this raises makes the driver send SHOW WARNINGS, whose columns are utf8mb3.
        await connection.ExecuteAsync("DROP TABLE IF EXISTS no_such_table");

        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("SELECT 1"));
    }

    private Task<DbConnection> OpenAsync() => fixture.Database.ConnectionFactory.OpenConnectionAsync();
}
