using System.Data.Common;
using Dapper;

namespace Hospital.Silo.Storage;

/// <summary>
/// One unit's share of a <see cref="SharedTransactionWriter"/> transaction, inside a savepoint of its own: its statements go
/// through <see cref="Execute"/>. On MySQL the savepoint is sent in front of the unit's first statement, so a unit of one
/// command is one round trip instead of two, and it is never released, which would cost another (a transaction's
/// savepoints end with it). SQLite runs in the process, where neither saves anything and both would be wrong: it counts a
/// SAVEPOINT in front of an INSERT as the rows of the statement before, and keeps every unreleased savepoint open as a
/// nested transaction (which made its transactions three times as long in a release burst, 2026-12-05); there the
/// savepoint is set at once and released at the end.
/// Each unit's savepoint has a name of its own in the transaction: were it never set (the unit's command failed before
/// reaching the server), rolling back to it fails the whole transaction instead of rolling back to an earlier unit's
/// savepoint and undoing a unit that is about to be answered as written. Used on the writer's thread only.
/// </summary>
public sealed class WriteUnit
{
    private readonly DbConnection _connection;
    private readonly bool _inProcess;
    private string? _unsentSavepoint;

    internal WriteUnit(DbConnection connection, StorageProvider provider, int number)
    {
        _connection = connection;
        _inProcess = provider == StorageProvider.Sqlite;
        Savepoint = $"unit{number}";
        if (_inProcess) connection.Execute($"SAVEPOINT {Savepoint}");
        else _unsentSavepoint = $"SAVEPOINT {Savepoint};\n";
    }

    private string Savepoint { get; }

    /// <summary>
    /// Runs <paramref name="sql"/> (one statement or several separated by semicolons, in one round trip) and answers the rows
    /// it wrote, summed over its statements.
    /// </summary>
    public int Execute(string sql, object? parameters = null)
    {
        if (_unsentSavepoint is { } savepoint)
        {
            sql = savepoint + sql;
            _unsentSavepoint = null;
        }
        return _connection.Execute(sql, parameters);
    }

    /// <summary>Undoes what the unit wrote; nothing when it never sent a statement.</summary>
    internal void RollBack()
    {
        if (_unsentSavepoint is null) _connection.Execute($"ROLLBACK TO SAVEPOINT {Savepoint}");
    }

    /// <summary>Ends the unit: SQLite releases its savepoint, MySQL keeps it until the transaction ends.</summary>
    internal void End()
    {
        if (_inProcess) _connection.Execute($"RELEASE SAVEPOINT {Savepoint}");
    }
}
