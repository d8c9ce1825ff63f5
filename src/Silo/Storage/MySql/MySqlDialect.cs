using System.Data.Common;
using Dapper;
using MySql.Data.MySqlClient;

namespace Hospital.Silo.Storage.MySql;

/// <summary>MySQL's side of <see cref="ISqlDialect"/>.</summary>
public sealed class MySqlDialect : ISqlDialect
{
    private const int DuplicateEntry = 1062;
    private const int SchemaLockTimeoutSeconds = 300;

    // GET_LOCK names are server-wide, so the database name is part of it: nodes of one database wait for each
    // other, while test databases on one server do not.
    private const string LockName = "CONCAT('hospital.schema.', DATABASE())";

    public static MySqlDialect Instance { get; } = new();

    private MySqlDialect()
    {
    }

    /// <summary>
    /// A named server lock held by this connection: MySQL's DDL commits implicitly, so the migration transaction
    /// alone cannot keep two nodes that start at once from applying the same script twice.
    /// </summary>
    public async Task<IAsyncDisposable> AcquireSchemaLockAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var acquired = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            $"SELECT GET_LOCK({LockName}, @Timeout)",
            new { Timeout = SchemaLockTimeoutSeconds },
            cancellationToken: cancellationToken));
        if (acquired != 1)
        {
            throw new TimeoutException(
                $"Another node held the schema migration lock for more than {SchemaLockTimeoutSeconds} s.");
        }

        return new SchemaLock(connection);
    }

    public bool IsDuplicateKey(DbException exception) =>
        exception is MySqlException { Number: DuplicateEntry };

    public string InsertOrIgnoreInto => "INSERT IGNORE INTO";

    /// <summary>The key is implied: MySQL updates on any unique key that the row collides with.</summary>
    public string OnConflictUpdate(string key, IEnumerable<string> columns) =>
        $"ON DUPLICATE KEY UPDATE {string.Join(", ", columns.Select(c => $"{c} = VALUES({c})"))}";

    private sealed class SchemaLock(DbConnection connection) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() =>
            await connection.ExecuteScalarAsync($"SELECT RELEASE_LOCK({LockName})");
    }
}
