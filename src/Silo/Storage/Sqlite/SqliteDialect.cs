using System.Data.Common;
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

    public bool IsDuplicateKey(DbException exception) =>
        exception is SqliteException { SqliteErrorCode: SqliteConstraint } sqlite
        && sqlite.SqliteExtendedErrorCode is SqliteConstraintPrimaryKey or SqliteConstraintUnique;

    public string InsertOrIgnoreInto => "INSERT OR IGNORE INTO";

    public string OnConflictUpdate(string key, IEnumerable<string> columns) =>
        $"ON CONFLICT ({key}) DO UPDATE SET {string.Join(", ", columns.Select(c => $"{c} = excluded.{c}"))}";

    private sealed class NoLock : IAsyncDisposable
    {
        public static NoLock Instance { get; } = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
