using System.Data.Common;
using Hospital.Silo.Storage;
using Hospital.Silo.Storage.MySql;
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
    public override StorageProvider Provider => StorageProvider.MySql;

    public override string? SkipReason => MariaDbAvailability.SkipReason;

    protected override async Task<TestDatabase> CreateEmptyDatabaseAsync()
    {
        var server = await MariaDbServer.GetAsync();
        var name = $"t_{Guid.NewGuid():N}"[..18];
        var admin = new MySqlConnectionFactory(server.ConnectionString);
        await ExecuteAsync(admin, $"CREATE DATABASE {name} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        var connectionString = new MySqlConnectionStringBuilder(server.ConnectionString) { Database = name }.ConnectionString;
        return new TestDatabase(
            StorageProvider.MySql,
            connectionString,
            new MySqlConnectionFactory(connectionString),
            () => new ValueTask(ExecuteAsync(admin, $"DROP DATABASE IF EXISTS {name}")));
    }

    private static async Task ExecuteAsync(IDbConnectionFactory factory, string sql)
    {
        await using DbConnection connection = await factory.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
