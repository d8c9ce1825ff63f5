using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Hospital.Silo.Storage.Sqlite;

/// <summary>SQLite's side of <see cref="ISqlDialect"/>.</summary>
public sealed class SqliteDialect : ISqlDialect
{
    private const int SqliteConstraint = 19;
    private const int SqliteConstraintPrimaryKey = 1555;
    private const int SqliteConstraintUnique = 2067;

    public static SqliteDialect Instance { get; } = new();

    private SqliteDialect()
    {
    }

    /// <summary>
    /// Nothing to take: the migration transaction is BEGIN IMMEDIATE (Microsoft.Data.Sqlite's default), which already
    /// admits one writer per database file, and SQLite's DDL is transactional.
    /// </summary>
    public Task<IAsyncDisposable> AcquireSchemaLockAsync(DbConnection connection, CancellationToken cancellationToken) =>
        Task.FromResult<IAsyncDisposable>(NoLock.Instance);

    // Busy or locked past the busy timeout, an I/O error, a full disk, a file that cannot be opened.
    public bool IsUnavailable(Exception exception) =>
        exception is Resilience.StorageUnavailableException or SqliteException { SqliteErrorCode: 5 or 6 or 10 or 13 or 14 };

    // One writer at a time, and a reader sees only committed transactions: nothing to wait for.
    public string ForShare => "";

    public string BeginTransaction => "BEGIN IMMEDIATE";

    public void ClearPool(DbConnection connection) => SqliteConnection.ClearPool((SqliteConnection)connection);

    public bool IsDuplicateKey(DbException exception) =>
        exception is SqliteException { SqliteErrorCode: SqliteConstraint } sqlite
        && sqlite.SqliteExtendedErrorCode is SqliteConstraintPrimaryKey or SqliteConstraintUnique;

    public string InsertOrIgnoreInto => "INSERT OR IGNORE INTO";

    public string OnConflictUpdate(string key, IEnumerable<string> columns) =>
        $"ON CONFLICT ({key}) DO UPDATE SET {string.Join(", ", columns.Select(c => $"{c} = excluded.{c}"))}";

    /// <summary>json_each yields the array's elements; json_extract gives each key as text, integer or real, and NULL when absent.</summary>
    public string RowSource(string parameter, IReadOnlyList<RowSetColumn> columns) =>
        $"(SELECT {string.Join(", ", columns.Select(c => $"json_extract(value, '$.{c.Name}') AS {c.Name}"))} FROM json_each(@{parameter}))";

    /// <summary>SQLite names the assigned columns unqualified and joins with FROM … WHERE (3.33+).</summary>
    public string UpdateFrom(string table, IReadOnlyList<(string Column, string Value)> set, string source, string match) =>
        $"UPDATE {table} AS t SET {string.Join(", ", set.Select(s => $"{s.Column} = {s.Value}"))} FROM {source} AS j WHERE {match}";

    /// <summary>A hexadecimal literal is a BLOB; cast to TEXT, its bytes are read as text in the database's encoding, UTF-8.</summary>
    public (string Prefix, string Suffix) HexText => ("CAST(X'", "' AS TEXT)");

    /// <summary>The text Microsoft.Data.Sqlite writes for a DateTime parameter, so rows written either way read and compare alike.</summary>
    public string FormatInstant(DateTime utc) => utc.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF", CultureInfo.InvariantCulture);

    private sealed class NoLock : IAsyncDisposable
    {
        public static NoLock Instance { get; } = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
