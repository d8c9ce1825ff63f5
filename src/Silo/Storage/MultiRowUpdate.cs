using System.Data.Common;
using System.Text;
using Dapper;

namespace Hospital.Silo.Storage;

/// <summary>
/// Updates many rows, each to its own values, with one statement per chunk: <c>SET c = CASE key WHEN … THEN … END</c>.
/// Unlike an upsert, it can never touch a row other than the keyed ones, and unique keys are still enforced.
/// </summary>
internal static class MultiRowUpdate
{
    private const int RowsPerStatement = 16;

    /// <summary>Sets every column of <paramref name="columns"/> (the key first) of each row to <paramref name="values"/>.</summary>
    public static async Task ExecuteAsync<T>(DbConnection connection, DbTransaction transaction, string table,
        string[] columns, IReadOnlyList<T> rows, Func<T, object?[]> values, CancellationToken cancellationToken)
    {
        for (var start = 0; start < rows.Count; start += RowsPerStatement)
        {
            var chunk = rows.Skip(start).Take(RowsPerStatement).Select(values).ToList();
            var parameters = new DynamicParameters();
            for (var row = 0; row < chunk.Count; row++)
                for (var column = 0; column < columns.Length; column++) parameters.Add($"p{row}_{column}", chunk[row][column]);

            var sql = new StringBuilder($"UPDATE {table} SET ");
            for (var column = 1; column < columns.Length; column++)
            {
                sql.Append(column == 1 ? "" : ", ").Append(columns[column]).Append(" = CASE ").Append(columns[0]);
                for (var row = 0; row < chunk.Count; row++) sql.Append($" WHEN @p{row}_0 THEN @p{row}_{column}");
                sql.Append(" END");
            }
            sql.Append($" WHERE {columns[0]} IN (").AppendJoin(", ", Enumerable.Range(0, chunk.Count).Select(row => $"@p{row}_0")).Append(')');
            await connection.ExecuteAsync(new CommandDefinition(sql.ToString(), parameters, transaction, cancellationToken: cancellationToken));
        }
    }
}
