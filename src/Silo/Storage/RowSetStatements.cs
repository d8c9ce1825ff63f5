using System.Data.Common;
using Dapper;

namespace Hospital.Silo.Storage;

/// <summary>Inserts and updates of many rows, one statement per table, the rows travelling as one <see cref="RowSet"/>.</summary>
internal static class RowSetStatements
{
    /// <summary>Inserts every row (or, with <paramref name="verb"/> = the dialect's insert-or-ignore, the new ones); returns how many were inserted.</summary>
    public static Task<int> InsertAsync<T>(DbConnection connection, DbTransaction? transaction, ISqlDialect dialect, string table,
        IReadOnlyList<RowSetColumn> columns, IReadOnlyList<T> rows, Func<T, object?[]> values, CancellationToken cancellationToken,
        string verb = "INSERT INTO")
    {
        if (rows.Count == 0) return Task.FromResult(0);
        var names = string.Join(", ", columns.Select(c => c.Name));
        var sql = $"{verb} {table} ({names}) SELECT {string.Join(", ", columns.Select(c => "j." + c.Name))} FROM {dialect.RowSource(columns)} AS j";
        return ExecuteAsync(connection, transaction, sql, RowSet.Serialize(rows, columns, values, dialect), cancellationToken);
    }

    /// <summary>
    /// Sets every column of <paramref name="columns"/> but the first, the key, of each row to its values. Only the keyed
    /// rows can change, and unique keys are still enforced (unlike an upsert). Returns how many rows matched.
    /// </summary>
    public static Task<int> UpdateAsync<T>(DbConnection connection, DbTransaction? transaction, ISqlDialect dialect, string table,
        IReadOnlyList<RowSetColumn> columns, IReadOnlyList<T> rows, Func<T, object?[]> values, CancellationToken cancellationToken)
    {
        if (rows.Count == 0) return Task.FromResult(0);
        var key = columns[0].Name;
        var sql = dialect.UpdateFrom(table, columns.Skip(1).Select(c => (c.Name, "j." + c.Name)).ToList(), columns, $"t.{key} = j.{key}");
        return ExecuteAsync(connection, transaction, sql, RowSet.Serialize(rows, columns, values, dialect), cancellationToken);
    }

    /// <summary>Runs a statement whose only parameter is the row set.</summary>
    public static Task<int> ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, string rowSet, CancellationToken cancellationToken)
    {
        var parameters = new DynamicParameters();
        parameters.Add(RowSet.Parameter, rowSet);
        return connection.ExecuteAsync(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken));
    }
}
