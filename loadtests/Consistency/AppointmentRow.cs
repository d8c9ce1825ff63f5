using System.Data.Common;

namespace Hospital.LoadTests.Consistency;

/// <summary>The appointment rows of the run's sessions, by appointment id.</summary>
internal sealed record AppointmentRow(string Id, string SessionId, int SlotNo, bool Occupies, string Status)
{
    /// <summary>A stored row matches an acknowledgement when it is the same slot, still occupies it, and is Booked once paid.</summary>
    public bool Matches(AcknowledgedHold ack) =>
        SessionId == ack.SessionId && SlotNo == ack.SlotNo && Occupies && (ack.Paid ? Status == "Booked" : Status is "Held" or "Booked");

    public static async Task<Dictionary<string, AppointmentRow>> ReadAsync(DbConnection connection, IReadOnlyList<string> sessionIds, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, session_id, slot_no, slot_lock, status FROM appointments WHERE session_id IN " +
            ConsistencyChecker.InList(command, sessionIds);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new Dictionary<string, AppointmentRow>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var row = new AppointmentRow(reader.GetString(0), reader.GetString(1), Convert.ToInt32(reader.GetValue(2)),
                !reader.IsDBNull(3) && Convert.ToInt32(reader.GetValue(3)) == 1, reader.GetString(4));
            rows[row.Id] = row;
        }

        return rows;
    }
}
