using System.Data.Common;
using Dapper;
using Hospital.Grains.SlotPools;

namespace Hospital.Silo.Storage.SlotPools;

/// <summary>Writes several pools' batches in one transaction, each session row checked against the version its pool read.</summary>
internal static class PoolBatchSql
{
    /// <summary>Session rows claimed per statement; small, because the drivers look named parameters up linearly.</summary>
    private const int SessionsPerStatement = 16;

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
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (!await ClaimSessionsAsync(connection, transaction, batches, cancellationToken)) return false; // disposing rolls back

        // Updates first: they may free slots that inserts take again (unique session/slot/lock key).
        await MultiRowUpdate.ExecuteAsync(connection, transaction, "appointments", AppointmentRow.Columns,
            batches.SelectMany(b => b.Updates).ToList(), AppointmentRow.Values, cancellationToken);
        await MultiRowInsert.ExecuteAsync(connection, transaction, "appointments", AppointmentRow.Columns,
            batches.SelectMany(b => b.Inserts).ToList(), AppointmentRow.Values, cancellationToken);
        await InsertHistoryAsync(connection, transaction, batches, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// Moves every batch's session row to its new version, counters and status, in statements of
    /// <see cref="SessionsPerStatement"/> rows, each row only if it is still at the version its pool read.
    /// Returns false when some row had moved on; then the caller must roll back.
    /// </summary>
    private static async Task<bool> ClaimSessionsAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<PoolBatch> batches, CancellationToken cancellationToken)
    {
        var claimed = 0;
        for (var start = 0; start < batches.Count; start += SessionsPerStatement)
        {
            var chunk = batches.Skip(start).Take(SessionsPerStatement).ToList();
            var parameters = new DynamicParameters();
            for (var i = 0; i < chunk.Count; i++)
            {
                parameters.Add($"s{i}", chunk[i].SessionId);
                parameters.Add($"v{i}", chunk[i].ExpectedVersion);
                parameters.Add($"st{i}", chunk[i].Status.ToString());
                parameters.Add($"h{i}", chunk[i].HeldCount);
                parameters.Add($"b{i}", chunk[i].BookedCount);
            }
            string Case(string prefix) => $"CASE session_id {string.Concat(chunk.Select((_, i) => $"WHEN @s{i} THEN @{prefix}{i} "))}END";
            var sql = $"UPDATE sessions SET version = version + 1, status = {Case("st")}, held_count = {Case("h")}, booked_count = {Case("b")} " +
                      $"WHERE {string.Join(" OR ", chunk.Select((_, i) => $"(session_id = @s{i} AND version = @v{i})"))}";
            claimed += await connection.ExecuteAsync(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken));
        }
        return claimed == batches.Count;
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
