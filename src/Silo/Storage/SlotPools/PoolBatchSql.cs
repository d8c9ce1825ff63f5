using System.Data.Common;
using Dapper;
using Hospital.Grains.SlotPools;

namespace Hospital.Silo.Storage.SlotPools;

/// <summary>Writes several pools' batches in one transaction, each session row checked against the version its pool read.</summary>
internal static class PoolBatchSql
{
    /// <summary>
    /// Commits every batch, or, when some session rows have moved on (another node wrote them), rolls everything back
    /// and returns the indexes of those stale batches so the caller can retry the others.
    /// </summary>
    public static async Task<IReadOnlyList<int>> TryCommitAsync(IDbConnectionFactory connections, IReadOnlyList<PoolBatch> batches, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var stale = new List<int>();
        for (var i = 0; i < batches.Count; i++)
        {
            if (!await ClaimSessionAsync(connection, transaction, batches[i], cancellationToken)) stale.Add(i);
        }
        if (stale.Count > 0) return stale; // disposing the transaction rolls it back

        // Updates first: they may free slots that inserts take again (unique session/slot/lock key).
        await MultiRowUpdate.ExecuteAsync(connection, transaction, "appointments", AppointmentRow.Columns,
            batches.SelectMany(b => b.Updates).ToList(), AppointmentRow.Values, cancellationToken);
        await MultiRowInsert.ExecuteAsync(connection, transaction, "appointments", AppointmentRow.Columns,
            batches.SelectMany(b => b.Inserts).ToList(), AppointmentRow.Values, cancellationToken);
        await InsertHistoryAsync(connection, transaction, batches, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return [];
    }

    private static async Task<bool> ClaimSessionAsync(DbConnection connection, DbTransaction transaction, PoolBatch batch, CancellationToken cancellationToken) =>
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE sessions SET version = @NewVersion, status = @Status, held_count = @HeldCount, booked_count = @BookedCount " +
            "WHERE session_id = @SessionId AND version = @ExpectedVersion",
            new { batch.NewVersion, Status = batch.Status.ToString(), batch.HeldCount, batch.BookedCount, batch.SessionId, batch.ExpectedVersion },
            transaction, cancellationToken: cancellationToken)) == 1;

    private static async Task InsertHistoryAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<PoolBatch> batches, CancellationToken cancellationToken)
    {
        await MultiRowInsert.ExecuteAsync(connection, transaction, "appointment_audit", ["appointment_id", "at", "actor", "from_status", "to_status", "reason"],
            batches.SelectMany(b => b.Audits).ToList(),
            a => [a.AppointmentId, AppointmentRow.Utc(a.At), a.Actor, a.From?.ToString(), a.To.ToString(), a.Reason], cancellationToken);
        await MultiRowInsert.ExecuteAsync(connection, transaction, "payments", ["id", "appointment_id", "amount", "method", "paid_at"],
            batches.SelectMany(b => b.Payments).ToList(), p => [p.Id, p.AppointmentId, p.Amount, p.Method, AppointmentRow.Utc(p.PaidAt)], cancellationToken);
        await MultiRowInsert.ExecuteAsync(connection, transaction, "refunds", ["id", "appointment_id", "payment_id", "amount", "reason", "created_at"],
            batches.SelectMany(b => b.Refunds).ToList(),
            r => [r.Id, r.AppointmentId, r.PaymentId, r.Amount, r.Reason, AppointmentRow.Utc(r.CreatedAt)], cancellationToken);
        await MultiRowInsert.ExecuteAsync(connection, transaction, "notifications", ["patient_id", "appointment_id", "kind", "message", "created_at"],
            batches.SelectMany(b => b.Notifications).ToList(),
            n => [n.PatientId, n.AppointmentId, n.Kind, n.Message, AppointmentRow.Utc(n.CreatedAt)], cancellationToken);
    }
}
