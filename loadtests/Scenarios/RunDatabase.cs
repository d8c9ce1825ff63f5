using Hospital.Silo.Storage;
using Hospital.Silo.Storage.MySql;
using Hospital.Silo.Storage.Sqlite;

namespace Hospital.LoadTests.Scenarios;

/// <summary>The API's own database, which the runner reads directly (never through the API under test).</summary>
public static class RunDatabase
{
    public static IDbConnectionFactory Connect(StorageProvider provider, string connectionString) => provider switch
    {
        StorageProvider.Sqlite => new SqliteConnectionFactory(connectionString),
        StorageProvider.MySql => new MySqlConnectionFactory(connectionString),
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown storage provider."),
    };
}
