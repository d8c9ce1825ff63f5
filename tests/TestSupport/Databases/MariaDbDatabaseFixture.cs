using System.Data.Common;
using Dapper;
using Hospital.Silo.Storage;
using Hospital.Silo.Storage.MySql;
using Hospital.Silo.Storage.Resilience;
using Hospital.TestSupport.MariaDb;
using MySqlConnector;

namespace Hospital.TestSupport.Databases;

/// <summary>
/// Fresh databases (<c>t_&lt;random&gt;</c>) on the process's throwaway <see cref="MariaDbServer"/>, dropped with the
/// fixture. Skipped by <see cref="MariaDbAvailability"/>'s rule; mark test classes using it with
/// <see cref="RequiresMariaDbAttribute"/> so their contract tests are skipped by the same rule.
/// </summary>
public sealed class MariaDbDatabaseFixture : TestDatabaseFixture
{
    /// <summary>
    /// Patient waits for the shared server. The production default (2 s a command) is what a stalled server must meet, and
    /// the tests that stall one keep it (<see cref="FreezableMariaDbDatabaseFixture"/>). Here the server is healthy but shares
    /// two cores with a test process bursting 5,000 callers at once, and CI saw single commands pass 2 s three times
    /// (a seed, an account's first read, a burst's write): that is the machine, not a stall any test is about.
    /// </summary>
    public static readonly StorageTimeoutOptions SharedServerTimeouts = new()
    {
        ConnectTimeout = TimeSpan.FromSeconds(15),
        CommandTimeout = TimeSpan.FromSeconds(15),
    };

    public override StorageProvider Provider => StorageProvider.MySql;

    public override string? SkipReason => MariaDbAvailability.SkipReason;

    protected override async Task<TestDatabase> CreateEmptyDatabaseAsync()
    {
        var server = await MariaDbServer.GetAsync();
        var name = $"t_{Guid.NewGuid():N}"[..18];
        var admin = new MySqlConnectionFactory(server.ConnectionString, SharedServerTimeouts);
        await ExecuteAsync(admin, $"CREATE DATABASE {name} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        var connectionString = new MySqlConnectionStringBuilder(server.ConnectionString) { Database = name }.ConnectionString;
        return new TestDatabase(
            StorageProvider.MySql,
            connectionString,
            new MySqlConnectionFactory(connectionString, SharedServerTimeouts),
            () => new ValueTask(DropAsync(admin, name)),
            SharedServerTimeouts);
    }

    /// <summary>
    /// Ends the server sessions still on the database, then drops it. The hosts of a test leave their pooled connections
    /// idle in the driver for up to three minutes after they stop; a test host running the MariaDB tests back to back
    /// reached the server's 1,000 connections that way in CI ("Too many connections").
    /// </summary>
    private static async Task DropAsync(IDbConnectionFactory admin, string name)
    {
        await using (var connection = await admin.OpenConnectionAsync())
        {
            var sessions = await connection.QueryAsync<long>(
                "SELECT id FROM information_schema.PROCESSLIST WHERE db = @name AND id <> CONNECTION_ID()", new { name });
            foreach (var session in sessions)
            {
                try
                {
                    await connection.ExecuteAsync($"KILL CONNECTION {session}");
                }
                catch (MySqlException e) when (e.ErrorCode == MySqlErrorCode.NoSuchThread)
                {
                    // It ended between the list and the kill.
                }
            }
        }

        await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS {name}");
    }

    private static async Task ExecuteAsync(IDbConnectionFactory factory, string sql)
    {
        await using DbConnection connection = await factory.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
