using Dapper;
using Hospital.TestSupport.Databases;
using Hospital.TestSupport.MariaDb;
using MySqlConnector;

namespace Hospital.Silo.Tests.Storage;

/// <summary>
/// A dropped MariaDB test database leaves no session on the shared server: the pools of the apps that used it would
/// otherwise keep their idle connections for minutes, and the MariaDB tests run back to back reached the server's limit.
/// </summary>
[RequiresMariaDb]
public sealed class MariaDbTestDatabaseTests(MariaDbDatabaseFixture fixture) : IClassFixture<MariaDbDatabaseFixture>
{
    [MariaDbFact]
    public async Task Dispose_EndsTheSessionsLeftIdleInTheDriversPool()
    {
        var database = await fixture.CreateDatabaseAsync();
        var name = new MySqlConnectionStringBuilder(database.ConnectionString).Database;
        await using (var connection = await database.ConnectionFactory.OpenConnectionAsync())
        {
            await connection.ExecuteScalarAsync<int>("SELECT 1");
        }
        Assert.Equal(1, await SessionsOnAsync(name));

        await database.DisposeAsync();

        Assert.Equal(0, await SessionsOnAsync(name));
    }

    private static async Task<long> SessionsOnAsync(string database)
    {
        await using var admin = new MySqlConnection((await MariaDbServer.GetAsync()).ConnectionString);
        return await admin.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE db = @database", new { database });
    }
}
