using System.Data.Common;
using Dapper;
using Hospital.Grains.SlotPools;

namespace Hospital.Silo.Storage.SlotPools;

/// <summary>
/// Writes several pools' batches in one transaction, each session row checked against the version its pool read.
/// Every table takes one statement whatever the number of rows: the rows travel as one <see cref="RowSet"/>.
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

    /// <summary>
    /// Commits every batch and returns an empty list, or, when some session rows have moved on (another node wrote
    /// them), rolls everything back and returns the indexes of those stale batches (never empty) so the caller can
    /// retry the others.
    /// </summary>
    public static async Task<IReadOnlyList<int>> TryCommitAsync(IDbConnectionFactory connections, IReadOnlyList<PoolBatch> batches, CancellationToken cancellationToken)
    {
        if (!await TryCommitClaimedAsync(connections, batches, cancellationToken)) return await FindStaleAsync(connections, batches, cancellationToken);
        return [];
    }

    /// <summary>One transaction: false (rolled back) when not every session row was at its expected version.</summary>
    private static async Task<bool> TryCommitClaimedAsync(IDbConnectionFactory connections, IReadOnlyList<PoolBatch> batches, CancellationToken cancellationToken)
    {
        var dialect = connections.Dialect;
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (!await ClaimSessionsAsync(connection, transaction, dialect, batches, cancellationToken)) return false; // disposing rolls back

        // Updates first: they may free slots that inserts take again (unique session/slot/lock key).
        await RowSetStatements.UpdateAsync(connection, transaction, dialect, "appointments", AppointmentRow.Columns,
            batches.SelectMany(b => b.Updates).ToList(), AppointmentRow.Values, cancellationToken);
        await RowSetStatements.InsertAsync(connection, transaction, dialect, "appointments", AppointmentRow.Columns,
            batches.SelectMany(b => b.Inserts).ToList(), AppointmentRow.Values, cancellationToken);
        await InsertHistoryAsync(connection, transaction, dialect, batches, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// Moves every batch's session row to its new version, counters and status in one statement, each row only if it
    /// is still at the version its pool read. Returns false when some row had moved on; then the caller must roll back.
    /// </summary>
    private static async Task<bool> ClaimSessionsAsync(DbConnection connection, DbTransaction transaction, ISqlDialect dialect,
        IReadOnlyList<PoolBatch> batches, CancellationToken cancellationToken)
    {
        var sql = dialect.UpdateFrom("sessions",
            [("version", "t.version + 1"), ("status", "j.status"), ("held_count", "j.held_count"), ("booked_count", "j.booked_count")],
            ClaimColumns, "t.session_id = j.session_id AND t.version = j.version");
        var claims = RowSet.Serialize(batches, ClaimColumns,
            b => [b.SessionId, b.ExpectedVersion, b.Status.ToString(), b.HeldCount, b.BookedCount], dialect);
        return await RowSetStatements.ExecuteAsync(connection, transaction, sql, claims, cancellationToken) == batches.Count;
    }

    /// <summary>
    /// After a rolled-back claim (rare: another node wrote): which batches expected another version than their row has.
    /// Versions only grow, so a row that was not at its expected version then is not at it now either.
    /// </summary>
    private static async Task<IReadOnlyList<int>> FindStaleAsync(IDbConnectionFactory connections, IReadOnlyList<PoolBatch> batches, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        var stale = new List<int>();
        for (var i = 0; i < batches.Count; i++)
        {
            var version = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
                "SELECT version FROM sessions WHERE session_id = @SessionId", new { batches[i].SessionId }, cancellationToken: cancellationToken));
            if (version != batches[i].ExpectedVersion) stale.Add(i);
        }
        return stale.Count > 0 ? stale : throw new InvalidOperationException("A session claim failed, yet every session row is at its expected version.");
    }

    private static async Task InsertHistoryAsync(DbConnection connection, DbTransaction transaction, ISqlDialect dialect,
        IReadOnlyList<PoolBatch> batches, CancellationToken cancellationToken)
    {
        await RowSetStatements.InsertAsync(connection, transaction, dialect, "appointment_audit", AuditColumns, batches.SelectMany(b => b.Audits).ToList(),
            a => [a.AppointmentId, AppointmentRow.Utc(a.At), a.Actor, a.From?.ToString(), a.To.ToString(), a.Reason], cancellationToken);
        await RowSetStatements.InsertAsync(connection, transaction, dialect, "payments", PaymentColumns, batches.SelectMany(b => b.Payments).ToList(),
            p => [p.Id, p.AppointmentId, p.Amount, p.Method, AppointmentRow.Utc(p.PaidAt)], cancellationToken);
        await RowSetStatements.InsertAsync(connection, transaction, dialect, "refunds", RefundColumns, batches.SelectMany(b => b.Refunds).ToList(),
            r => [r.Id, r.AppointmentId, r.PaymentId, r.Amount, r.Reason, AppointmentRow.Utc(r.CreatedAt)], cancellationToken);
        await RowSetStatements.InsertAsync(connection, transaction, dialect, "notifications", NotificationColumns, batches.SelectMany(b => b.Notifications).ToList(),
            n => [n.PatientId, n.AppointmentId, n.Kind, n.Message, AppointmentRow.Utc(n.CreatedAt)], cancellationToken);
    }
}
