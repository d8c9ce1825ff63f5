using System.Data.Common;
using System.Text;
using Dapper;

namespace Hospital.Silo.Storage;

/// <summary>
/// Inserts many rows with few statements (one round trip per chunk instead of one per row), which is what
/// keeps a group commit of hundreds of decisions cheap on a driver whose calls block.
/// </summary>
internal static class MultiRowInsert
{
    private const int RowsPerStatement = 16;

    public static async Task<int> ExecuteAsync<T>(DbConnection connection, DbTransaction? transaction, string table,
        string[] columns, IReadOnlyList<T> rows, Func<T, object?[]> values, CancellationToken cancellationToken, string verb = "INSERT INTO")
    {
        var inserted = 0;
        for (var start = 0; start < rows.Count; start += RowsPerStatement)
        {
            var chunk = rows.Skip(start).Take(RowsPerStatement).ToList();
            var sql = new StringBuilder($"{verb} {table} ({string.Join(", ", columns)}) VALUES ");
            var parameters = new DynamicParameters();
            for (var row = 0; row < chunk.Count; row++)
            {
                var rowValues = values(chunk[row]);
                sql.Append(row == 0 ? "(" : ", (");
                for (var column = 0; column < columns.Length; column++)
                {
                    var name = $"p{row}_{column}";
                    sql.Append(column == 0 ? "@" : ", @").Append(name);
                    parameters.Add(name, rowValues[column]);
                }
                sql.Append(')');
            }
            inserted += await connection.ExecuteAsync(new CommandDefinition(sql.ToString(), parameters, transaction, cancellationToken: cancellationToken));
        }
        return inserted;
    }
}
