using Hospital.Silo.Storage;
using Hospital.Silo.Storage.Sqlite;

namespace Hospital.TestSupport.Databases;

/// <summary>SQLite databases as files in a fresh temp folder each, deleted with the fixture. Never skipped.</summary>
public sealed class SqliteDatabaseFixture : TestDatabaseFixture
{
    public override StorageProvider Provider => StorageProvider.Sqlite;

    protected override Task<TestDatabase> CreateEmptyDatabaseAsync()
    {
        // A folder per database, so the -wal and -shm files beside it go with it.
        var folder = Directory.CreateTempSubdirectory("hospital-sqlite-");
        var connectionString = $"Data Source={Path.Combine(folder.FullName, "test.db")}";
        return Task.FromResult(new TestDatabase(
            StorageProvider.Sqlite,
            connectionString,
            new SqliteConnectionFactory(connectionString),
            () =>
            {
                folder.Delete(recursive: true);
                return ValueTask.CompletedTask;
            }));
    }
}
