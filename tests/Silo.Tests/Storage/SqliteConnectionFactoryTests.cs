using Dapper;
using Hospital.Silo.Storage.Sqlite;

namespace Hospital.Silo.Tests.Storage;

public sealed class SqliteConnectionFactoryTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("hospital-sqlite-factory-");

    [Fact]
    public async Task OpenConnection_CreatesTheMissingFolderAndTheDatabaseFile()
    {
        var file = Path.Combine(_folder.FullName, "nested", "data", "hospital.db");
        var factory = new SqliteConnectionFactory($"Data Source={file}");

        await using (await factory.OpenConnectionAsync())
        {
        }

        Assert.True(File.Exists(file));
    }

    [Fact]
    public async Task OpenConnection_EveryConnectionIsDurableWaitsWhenBusyAndEnforcesForeignKeys()
    {
        var factory = new SqliteConnectionFactory($"Data Source={Path.Combine(_folder.FullName, "pragmas.db")};Pooling=False");

        // Pooling off: each open is a new SQLite connection, which starts with SQLite's defaults.
        for (var i = 0; i < 3; i++)
        {
            await using var connection = await factory.OpenConnectionAsync();
            Assert.Equal("wal", await connection.ExecuteScalarAsync<string>("PRAGMA journal_mode"));
            Assert.Equal(2, await connection.ExecuteScalarAsync<int>("PRAGMA synchronous")); // 2 = FULL
            Assert.Equal(30_000, await connection.ExecuteScalarAsync<int>("PRAGMA busy_timeout"));
            Assert.Equal(1, await connection.ExecuteScalarAsync<int>("PRAGMA foreign_keys"));
        }
    }

    public void Dispose() => _folder.Delete(recursive: true);
}
