using System.Data.Common;
using System.Text;
using Dapper;

namespace Hospital.Silo.Storage;

/// <summary>
/// Inserts and updates of many rows, one statement per table, sent together as one command: one round trip to the
/// database however many tables and rows. Each statement's rows travel as one <see cref="RowSet"/> in a parameter of
/// its own. Round trips matter more than they seem: at a release peak the cores are busy, and every wait for the
/// database is also a wait to be scheduled again. Statements without rows are left out. Very many rows (planning a
/// whole window of sessions) are cut into statements of about <see cref="MaxRowSetBytes"/> and round trips of about
/// <see cref="MaxCommandBytes"/>: MySql.Data sends parameters inside the statement text, escaping quotes, so a round trip
/// stays well under MySQL's packet limit (max_allowed_packet, 16 MB by default on MariaDB). Only a transaction then keeps
/// the round trips atomic.
/// </summary>
internal sealed class RowSetCommand(ISqlDialect dialect)
{
    public const int MaxRowSetBytes = 1 << 20;
    public const int MaxCommandBytes = 4 << 20;

    private readonly List<(StringBuilder Sql, DynamicParameters Parameters)> _commands = [];
    private int _statements;
    private long _bytesInLastCommand;

    /// <summary>Inserts every row (or, with <paramref name="verb"/> = the dialect's insert-or-ignore, the new ones).</summary>
    public RowSetCommand Insert<T>(string table, IReadOnlyList<RowSetColumn> columns, IReadOnlyList<T> rows, Func<T, object?[]> values,
        string verb = "INSERT INTO")
    {
        var names = string.Join(", ", columns.Select(c => c.Name));
        var selected = string.Join(", ", columns.Select(c => "j." + c.Name));
        foreach (var rowSet in RowSet.Serialize(rows, columns, values, dialect, MaxRowSetBytes))
            Add(rowSet, parameter => $"{verb} {table} ({names}) SELECT {selected} FROM {dialect.RowSource(parameter, columns)} AS j");
        return this;
    }

    /// <summary>
    /// Updates the rows of <paramref name="table"/> (alias t) that <paramref name="match"/> pairs with a row of the set
    /// (alias j): by default each row keyed by the first column gets every other column's value. Only matched rows can
    /// change, and unique keys are still enforced (unlike an upsert).
    /// </summary>
    public RowSetCommand Update<T>(string table, IReadOnlyList<RowSetColumn> columns, IReadOnlyList<T> rows, Func<T, object?[]> values,
        IReadOnlyList<(string Column, string Value)>? set = null, string? match = null)
    {
        var key = columns[0].Name;
        set ??= columns.Skip(1).Select(c => (c.Name, "j." + c.Name)).ToList();
        foreach (var rowSet in RowSet.Serialize(rows, columns, values, dialect, MaxRowSetBytes))
            Add(rowSet, parameter => dialect.UpdateFrom(table, set, dialect.RowSource(parameter, columns), match ?? $"t.{key} = j.{key}"));
        return this;
    }

    /// <summary>Runs every statement, in the order added; returns the rows they inserted or matched, summed.</summary>
    public async Task<int> ExecuteAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        var count = 0;
        foreach (var (sql, parameters) in _commands)
            count += await connection.ExecuteAsync(new CommandDefinition(sql.ToString(), parameters, transaction, cancellationToken: cancellationToken));
        return count;
    }

    private void Add(string rowSet, Func<string, string> statement)
    {
        var bytes = Encoding.UTF8.GetByteCount(rowSet);
        if (_commands.Count == 0 || _bytesInLastCommand + bytes > MaxCommandBytes)
        {
            _commands.Add((new StringBuilder(), new DynamicParameters()));
            _bytesInLastCommand = 0;
        }
        var (sql, parameters) = _commands[^1];
        var parameter = $"rows{_statements++}";
        parameters.Add(parameter, rowSet);
        sql.Append(statement(parameter)).Append(";\n");
        _bytesInLastCommand += bytes;
    }
}
