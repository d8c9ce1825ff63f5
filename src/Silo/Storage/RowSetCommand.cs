using System.Data.Common;
using System.Text;
using Dapper;

namespace Hospital.Silo.Storage;

/// <summary>
/// Inserts and updates of many rows, one statement per table, sent together as one command: one round trip to the
/// database however many tables and rows. Each statement's rows travel as one <see cref="RowSet"/> in a parameter of
/// its own. Round trips matter more than they seem: at a release peak the cores are busy, and every wait for the
/// database is also a wait to be scheduled again. Statements without rows are left out.
/// </summary>
internal sealed class RowSetCommand(ISqlDialect dialect)
{
    private readonly StringBuilder _sql = new();
    private readonly DynamicParameters _parameters = new();
    private int _statements;

    /// <summary>Inserts every row (or, with <paramref name="verb"/> = the dialect's insert-or-ignore, the new ones).</summary>
    public RowSetCommand Insert<T>(string table, IReadOnlyList<RowSetColumn> columns, IReadOnlyList<T> rows, Func<T, object?[]> values,
        string verb = "INSERT INTO")
    {
        if (rows.Count == 0) return this;
        var parameter = Bind(rows, columns, values);
        return Add($"{verb} {table} ({string.Join(", ", columns.Select(c => c.Name))}) " +
                   $"SELECT {string.Join(", ", columns.Select(c => "j." + c.Name))} FROM {dialect.RowSource(parameter, columns)} AS j");
    }

    /// <summary>
    /// Updates the rows of <paramref name="table"/> (alias t) that <paramref name="match"/> pairs with a row of the set
    /// (alias j): by default each row keyed by the first column gets every other column's value. Only matched rows can
    /// change, and unique keys are still enforced (unlike an upsert).
    /// </summary>
    public RowSetCommand Update<T>(string table, IReadOnlyList<RowSetColumn> columns, IReadOnlyList<T> rows, Func<T, object?[]> values,
        IReadOnlyList<(string Column, string Value)>? set = null, string? match = null)
    {
        if (rows.Count == 0) return this;
        var key = columns[0].Name;
        var parameter = Bind(rows, columns, values);
        return Add(dialect.UpdateFrom(table, set ?? columns.Skip(1).Select(c => (c.Name, "j." + c.Name)).ToList(),
            dialect.RowSource(parameter, columns), match ?? $"t.{key} = j.{key}"));
    }

    /// <summary>Runs every statement, in the order added; returns the rows they inserted or matched, summed.</summary>
    public async Task<int> ExecuteAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken) =>
        _statements == 0 ? 0 : await connection.ExecuteAsync(new CommandDefinition(_sql.ToString(), _parameters, transaction, cancellationToken: cancellationToken));

    private string Bind<T>(IReadOnlyList<T> rows, IReadOnlyList<RowSetColumn> columns, Func<T, object?[]> values)
    {
        var parameter = $"rows{_statements}";
        _parameters.Add(parameter, RowSet.Serialize(rows, columns, values, dialect));
        return parameter;
    }

    private RowSetCommand Add(string statement)
    {
        _sql.Append(statement).Append(";\n");
        _statements++;
        return this;
    }
}
