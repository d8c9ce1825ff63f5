using System.Data.Common;

namespace Hospital.Silo.Storage;

/// <summary>
/// Everything that differs between SQLite and MySQL beyond the schema scripts. Stores write one portable SQL text
/// and ask the dialect only for these few things, so MySQL-only code stays in Storage/MySql.
/// </summary>
public interface ISqlDialect
{
    /// <summary>
    /// Takes the lock that keeps two nodes from migrating one database at once; released by disposing the result.
    /// Called on an open connection before the migration transaction starts.
    /// </summary>
    Task<IAsyncDisposable> AcquireSchemaLockAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>True when the error is a primary-key or unique-constraint violation.</summary>
    bool IsDuplicateKey(DbException exception);

    /// <summary>
    /// True when the error says the database is unreachable, stalled or shedding work (a timeout, a lost connection, a
    /// server shutting down), not that it refused this statement (a duplicate key, a row lock waited for too long): only these count towards the circuit breaker, and only
    /// these fail a whole batch writer transaction instead of being narrowed down to one batch.
    /// </summary>
    bool IsUnavailable(Exception exception);

    /// <summary>The statement that begins a transaction (SQLite's takes its write lock at once, as a writer needs).</summary>
    string BeginTransaction { get; }

    /// <summary>Keeps the driver's pool from handing out this connection again (it may be inside a transaction that failed).</summary>
    void ClearPool(DbConnection connection);

    /// <summary>
    /// What ends a SELECT inside a transaction so that it waits for any other transaction still writing the rows it reads
    /// and reads them as they end (MySQL's shared lock); empty where a reader never sees a writer's transaction half-way.
    /// </summary>
    string ForShare { get; }

    /// <summary>The start of an insert that skips rows whose key already exists (INSERT OR IGNORE INTO / INSERT IGNORE INTO).</summary>
    string InsertOrIgnoreInto { get; }

    /// <summary>The clause that turns an INSERT into an upsert on <paramref name="key"/> (comma-separated columns), updating <paramref name="columns"/>.</summary>
    string OnConflictUpdate(string key, IEnumerable<string> columns);

    /// <summary>
    /// A row source (use it as <c>FROM … AS j</c>) with one row per element of the <see cref="RowSet"/> bound to the
    /// parameter named <paramref name="parameter"/>, and one column per entry of <paramref name="columns"/>.
    /// </summary>
    string RowSource(string parameter, IReadOnlyList<RowSetColumn> columns);

    /// <summary>
    /// An UPDATE of <paramref name="table"/> (alias t) joined to the row source <paramref name="source"/> (alias j) on
    /// <paramref name="match"/>, setting each column to its value expression (which may name t and j).
    /// </summary>
    string UpdateFrom(string table, IReadOnlyList<(string Column, string Value)> set, string source, string match);

    /// <summary>
    /// What goes before and after the hexadecimal digits of UTF-8 bytes to make a text literal in this database's
    /// connection character set (<see cref="SqlLiteral"/>).
    /// </summary>
    (string Prefix, string Suffix) HexText { get; }

    /// <summary>A UTC instant as the text this database reads into, and compares with, its instant columns.</summary>
    string FormatInstant(DateTime utc);
}
