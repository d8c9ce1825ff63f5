using System.Data.Common;

namespace Hospital.LoadTests.Consistency;

/// <summary>The counters of the run's session rows; the version counts the session's pool batches (several may share one transaction).</summary>
internal sealed record SessionRow(string SessionId, int Quota, int HeldCount, int BookedCount, long Version)
{
    public static async Task<List<SessionRow>> ReadAsync(DbConnection connection, IReadOnlyList<string> sessionIds, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT session_id, quota, held_count, booked_count, version FROM sessions WHERE session_id IN " +
            ConsistencyChecker.InList(command, sessionIds);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<SessionRow>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new SessionRow(reader.GetString(0), Convert.ToInt32(reader.GetValue(1)), Convert.ToInt32(reader.GetValue(2)),
                Convert.ToInt32(reader.GetValue(3)), Convert.ToInt64(reader.GetValue(4))));
        }

        return rows;
    }
}
