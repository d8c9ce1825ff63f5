using Dapper;
using Hospital.Grains.SlotPools;

namespace Hospital.Silo.Storage.SlotPools;

/// <summary>
/// Writes several pools' batches in one transaction, each session row checked against the version its pool read.
/// Every table takes one statement whatever the number of rows: the rows travel as <see cref="RowSet"/>s in a <see cref="RowSetCommand"/>.
/// </summary>
internal static class PoolBatchSql
{
    private static readonly RowSetColumn[] ClaimColumns =
    [
        new("session_id", RowSetKind.Text), new("version", RowSetKind.Integer), new("status", RowSetKind.Text),
        new("held_count", RowSetKind.Integer), new("booked_count", RowSetKind.Integer),
    ];

    private static readonly RowSetColumn[] AuditColumns =
    [
        new("appointment_id", RowSetKind.Text), new("at", RowSetKind.Instant), new("actor", RowSetKind.Text),
        new("from_status", RowSetKind.Text), new("to_status", RowSetKind.Text), new("reason", RowSetKind.Text),
    ];

    private static readonly RowSetColumn[] PaymentColumns =
    [
        new("id", RowSetKind.Text), new("appointment_id", RowSetKind.Text), new("amount", RowSetKind.Money),
        new("method", RowSetKind.Text), new("paid_at", RowSetKind.Instant),
    ];

    private static readonly RowSetColumn[] RefundColumns =
    [
        new("id", RowSetKind.Text), new("appointment_id", RowSetKind.Text), new("payment_id", RowSetKind.Text),
        new("amount", RowSetKind.Money), new("reason", RowSetKind.Text), new("created_at", RowSetKind.Instant),
    ];

    private static readonly RowSetColumn[] NotificationColumns =
    [
        new("patient_id", RowSetKind.Text), new("appointment_id", RowSetKind.Text), new("kind", RowSetKind.Text),
        new("message", RowSetKind.Text), new("created_at", RowSetKind.Instant),
    ];

    private static readonly RowSetColumn[] WaitlistColumns =
    [
        new("id", RowSetKind.Text), new("session_id", RowSetKind.Text), new("patient_id", RowSetKind.Text), new("seq", RowSetKind.Integer),
        new("status", RowSetKind.Text), new("actor", RowSetKind.Text), new("joined_at", RowSetKind.Instant), new("updated_at", RowSetKind.Instant),
    ];

    // The key, then what a later decision may change (see SlotPool.Waitlist).
    private static readonly RowSetColumn[] WaitlistUpdateColumns =
        [WaitlistColumns[0], WaitlistColumns[4], WaitlistColumns[7]];

    /// <summary>
    /// Commits every batch in <paramref name="begun"/> (and disposes it) and returns an empty list, or, when some session
    /// rows have moved on (another node wrote them), rolls everything back and returns the indexes of those stale
    /// batches (never empty) so the caller can retry the others.
    /// </summary>
    public static IReadOnlyList<int> TryCommit(IDbConnectionFactory connections, CommandTransaction begun, IReadOnlyList<PoolBatch> batches)
    {
        using (begun)
            if (TryCommitClaimed(connections.Dialect, begun, batches)) return [];
        return FindStale(connections, batches);
    }

    /// <summary>
    /// Two commands, each a round trip besides the driver's begin and commit: the session claims, whose count must be
    /// checked before anything else is written, then every row of every batch. False (not committed) when not every
    /// session row was at its expected version.
    /// </summary>
    private static bool TryCommitClaimed(ISqlDialect dialect, CommandTransaction begun, IReadOnlyList<PoolBatch> batches)
    {
        var connection = begun.Connection;
        var claimed = new RowSetCommand(dialect).Update("sessions", ClaimColumns, batches,
                b => [b.SessionId, b.ExpectedVersion, b.Status.ToString(), b.HeldCount, b.BookedCount],
                set: [("version", "t.version + 1"), ("status", "j.status"), ("held_count", "j.held_count"), ("booked_count", "j.booked_count")],
                match: "t.session_id = j.session_id AND t.version = j.version")
            .Execute(connection, transaction: null);
        if (claimed != batches.Count) return false; // disposing the transaction rolls back

        new RowSetCommand(dialect)
            // Updates first: they may free slots that inserts take again (unique session/slot/lock key).
            .Update("appointments", AppointmentRow.LifecycleColumns, batches.SelectMany(b => b.Updates).ToList(), AppointmentRow.LifecycleValues)
            .Insert("appointments", AppointmentRow.Columns, batches.SelectMany(b => b.Inserts).ToList(), AppointmentRow.Values)
            .Insert("appointment_audit", AuditColumns, batches.SelectMany(b => b.Audits).ToList(),
                a => [a.AppointmentId, AppointmentRow.Utc(a.At), a.Actor, a.From?.ToString(), a.To.ToString(), a.Reason])
            .Insert("payments", PaymentColumns, batches.SelectMany(b => b.Payments).ToList(),
                p => [p.Id, p.AppointmentId, p.Amount, p.Method, AppointmentRow.Utc(p.PaidAt)])
            .Insert("refunds", RefundColumns, batches.SelectMany(b => b.Refunds).ToList(),
                r => [r.Id, r.AppointmentId, r.PaymentId, r.Amount, r.Reason, AppointmentRow.Utc(r.CreatedAt)])
            .Insert("notifications", NotificationColumns, batches.SelectMany(b => b.Notifications).ToList(),
                n => [n.PatientId, n.AppointmentId, n.Kind, n.Message, AppointmentRow.Utc(n.CreatedAt)])
            .Update("waitlist_entries", WaitlistUpdateColumns, batches.SelectMany(b => b.WaitlistUpdates).ToList(),
                e => [e.Id, e.Status.ToString(), AppointmentRow.Utc(e.UpdatedAt)])
            .Insert("waitlist_entries", WaitlistColumns, batches.SelectMany(b => b.WaitlistInserts).ToList(),
                e => [e.Id, e.SessionId, e.PatientId, e.Seq, e.Status.ToString(), e.Actor, AppointmentRow.Utc(e.JoinedAt), AppointmentRow.Utc(e.UpdatedAt)])
            .Execute(connection, transaction: null);
        begun.Commit();
        return true;
    }

    /// <summary>
    /// After a rolled-back claim (rare: another node wrote): which batches expected another version than their row has.
    /// Versions only grow, so a row that was not at its expected version then is not at it now either.
    /// </summary>
    private static IReadOnlyList<int> FindStale(IDbConnectionFactory connections, IReadOnlyList<PoolBatch> batches)
    {
        using var connection = connections.OpenConnection();
        var stale = new List<int>();
        for (var i = 0; i < batches.Count; i++)
        {
            var version = connection.ExecuteScalar<long?>(
                "SELECT version FROM sessions WHERE session_id = @SessionId", new { batches[i].SessionId });
            if (version != batches[i].ExpectedVersion) stale.Add(i);
        }
        return stale.Count > 0 ? stale : throw new InvalidOperationException("A session claim failed, yet every session row is at its expected version.");
    }
}
