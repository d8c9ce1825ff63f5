using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Hospital.Silo.Storage.Sqlite;

/// <summary>
/// Creates every SQLite connection of the process, configured so that an acknowledged write survives a power cut
/// and concurrent writers wait for each other instead of failing.
/// </summary>
public sealed class SqliteConnectionFactory : IDbConnectionFactory
{
    private const int BusyTimeoutMilliseconds = 30_000;

    // Per-connection settings: SQLite forgets these when a connection closes, so every new connection needs them.
    // synchronous=FULL: a commit returns only after the WAL is fsynced - an acknowledged booking must never be lost.
    // busy_timeout: a writer waits for the current one (WAL admits one writer at a time) instead of failing at once.
    // foreign_keys: SQLite ignores FOREIGN KEY clauses unless switched on per connection.
    private const string ConnectionPragmas =
        "PRAGMA synchronous = FULL; PRAGMA busy_timeout = 30000; PRAGMA foreign_keys = ON;";

    private readonly string _connectionString;
    private volatile bool _walEnabled;

    public SqliteConnectionFactory(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString) { DefaultTimeout = BusyTimeoutMilliseconds / 1000 };
        var directory = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (builder.Mode != SqliteOpenMode.Memory && !string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        _connectionString = builder.ToString();
    }

    public StorageProvider Provider => StorageProvider.Sqlite;

    public ISqlDialect Dialect => SqliteDialect.Instance;

    /// <summary>Microsoft.Data.Sqlite's async methods run synchronously, so this opens synchronously too.</summary>
    public Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(OpenConnection());
    }

    public DbConnection OpenConnection()
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            using var command = connection.CreateCommand();
            // WAL lets readers run while one writer commits. Unlike the pragmas above it is stored in the database
            // file itself, so setting it once per factory is enough (a race setting it twice is harmless).
            command.CommandText = _walEnabled ? ConnectionPragmas : "PRAGMA journal_mode = WAL; " + ConnectionPragmas;
            command.ExecuteNonQuery();
            _walEnabled = true;
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }
}
