using System.Data.Common;
using System.Globalization;
using Dapper;
using MySqlConnector;

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
            // Waiting for another node's migration is expected here; the connection's short command timeout is not.
            commandTimeout: SchemaLockTimeoutSeconds + 30,
            cancellationToken: cancellationToken));
        if (acquired != 1)
        {
            throw new TimeoutException(
                $"Another node held the schema migration lock for more than {SchemaLockTimeoutSeconds} s.");
        }

        return new SchemaLock(connection);
    }

    public bool IsUnavailable(Exception exception) => exception switch
    {
        Resilience.StorageUnavailableException or TimeoutException or IOException or System.Net.Sockets.SocketException => true,
        // The driver calls these transient too, but they concern the rows of one statement, which the server refused in time.
        MySqlException { ErrorCode: MySqlErrorCode.LockWaitTimeout or MySqlErrorCode.LockDeadlock } => false,
        MySqlException { IsTransient: true } => true,
        // The driver's own errors (timeouts, lost connections) have codes below the server's; from the server, those
        // that end a session or a statement that waited too long.
        MySqlException mySql => (int)mySql.ErrorCode < 1000 || mySql.ErrorCode is MySqlErrorCode.UnableToConnectToHost
            or MySqlErrorCode.QueryInterrupted or MySqlErrorCode.ServerShutdown
            or MySqlErrorCode.ConnectionCountError || mySql.InnerException is { } inner && IsUnavailable(inner),
        _ => false,
    };

    public string ForShare => " LOCK IN SHARE MODE";

    /// <summary>
    /// A row lock waited for more than 1 s (another node's transaction holding a session row, or one that hangs) fails the
    /// statement on the server, well within the command timeout, and leaves the connection usable: the batch writer then
    /// writes its batches one by one, and every session but the locked one commits. InnoDB's default is 50 s. The setting
    /// stays on the pooled connection (it is not reset), which only shortens every other lock wait too.
    /// </summary>
    public string BeginTransaction => "SET SESSION innodb_lock_wait_timeout = 1; START TRANSACTION";

    public void ClearPool(DbConnection connection) => MySqlConnection.ClearPool((MySqlConnection)connection);

    public bool IsDuplicateKey(DbException exception) =>
        exception is MySqlException { Number: DuplicateEntry };

    public string InsertOrIgnoreInto => "INSERT IGNORE INTO";

    /// <summary>The key is implied: MySQL updates on any unique key that the row collides with.</summary>
    public string OnConflictUpdate(string key, IEnumerable<string> columns) =>
        $"ON DUPLICATE KEY UPDATE {string.Join(", ", columns.Select(c => $"{c} = VALUES({c})"))}";

    /// <summary>
    /// JSON_TABLE needs a type per column. The types are wider than any column of ours, so the target table, not the
    /// row source, enforces lengths: strict mode then refuses an overlong value instead of JSON_TABLE truncating it.
    /// Text is utf8mb4 in that character set's default collation, as our tables declare it; without it JSON_TABLE takes
    /// the database's default collation, and comparing with a table column of another collation is an error.
    /// </summary>
    public string RowSource(string parameter, IReadOnlyList<RowSetColumn> columns) =>
        $"JSON_TABLE(@{parameter}, '$[*]' COLUMNS ({string.Join(", ", columns.Select(c => $"{c.Name} {TypeOf(c.Kind)} PATH '$.{c.Name}'"))}))";

    /// <summary>A multi-table UPDATE: assigned columns are qualified, because the row source has columns of the same names.</summary>
    public string UpdateFrom(string table, IReadOnlyList<(string Column, string Value)> set, string source, string match) =>
        $"UPDATE {table} AS t JOIN {source} AS j ON {match} SET {string.Join(", ", set.Select(s => $"t.{s.Column} = {s.Value}"))}";

    /// <summary>A hexadecimal literal is binary; the introducer makes it utf8mb4 text, as our tables store text.</summary>
    public (string Prefix, string Suffix) HexText => ("_utf8mb4 X'", "'");

    /// <summary>DATETIME(6) reads this text exactly, to the microsecond it stores.</summary>
    public string FormatInstant(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture);

    private static string TypeOf(RowSetKind kind) => kind switch
    {
        RowSetKind.Text => "MEDIUMTEXT CHARACTER SET utf8mb4",
        RowSetKind.Integer => "BIGINT",
        RowSetKind.Money => "DECIMAL(18,4)",
        RowSetKind.Instant => "DATETIME(6)",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private sealed class SchemaLock(DbConnection connection) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() =>
            await connection.ExecuteScalarAsync($"SELECT RELEASE_LOCK({LockName})");
    }
}
