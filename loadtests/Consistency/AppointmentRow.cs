using System.Data.Common;

namespace Hospital.LoadTests.Consistency;

/// <summary>The appointment rows of the run's sessions, by appointment id, each with whether a payment row exists for it.</summary>
internal sealed record AppointmentRow(string Id, string SessionId, int SlotNo, bool Occupies, string Status, bool HasPayment)
{
    /// <summary>What a paid appointment may have become since: booked, or further along its visit; never held or expired.</summary>
    public static readonly IReadOnlyList<string> PaidStatuses = ["Booked", "CheckedIn", "InVisit", "Completed"];

    /// <summary>
    /// A stored row matches an acknowledgement when it is the same slot and still occupies it; once paid, it has its
    /// payment row and is Booked or later. An unpaid acknowledgement may have been paid by a request that got no answer.
    /// </summary>
    public bool Matches(AcknowledgedHold ack) =>
        SessionId == ack.SessionId && SlotNo == ack.SlotNo && Occupies &&
        (ack.Paid ? HasPayment && PaidStatuses.Contains(Status) : Status is "Held" or "Booked");

    /// <summary>The row as evidence for a report: status, slot, payment.</summary>
    public override string ToString() =>
        $"{Status} in {SessionId} slot {SlotNo} ({(Occupies ? "occupied" : "released")}), {(HasPayment ? "payment row" : "no payment row")}";

    public static async Task<Dictionary<string, AppointmentRow>> ReadAsync(DbConnection connection, IReadOnlyList<string> sessionIds, CancellationToken cancellationToken)
    {
        var paid = await PaidIdsAsync(connection, sessionIds, cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, session_id, slot_no, slot_lock, status FROM appointments WHERE session_id IN " +
            ConsistencyChecker.InList(command, sessionIds);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new Dictionary<string, AppointmentRow>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var id = reader.GetString(0);
            rows[id] = new AppointmentRow(id, reader.GetString(1), Convert.ToInt32(reader.GetValue(2)),
                !reader.IsDBNull(3) && Convert.ToInt32(reader.GetValue(3)) == 1, reader.GetString(4), paid.Contains(id));
        }

        return rows;
    }

    /// <summary>
    /// The appointments of the sessions that have a payment row, found through the appointment's payment reference (the
    /// payment's id): a rescheduled booking carries its source's payment over, and the payment row names the source.
    /// </summary>
    private static async Task<HashSet<string>> PaidIdsAsync(DbConnection connection, IReadOnlyList<string> sessionIds, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT a.id FROM appointments a JOIN payments p ON p.id = a.payment_ref WHERE a.session_id IN " +
            ConsistencyChecker.InList(command, sessionIds);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var ids = new HashSet<string>();
        while (await reader.ReadAsync(cancellationToken)) ids.Add(reader.GetString(0));
        return ids;
    }
}
