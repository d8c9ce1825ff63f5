using System.Data.Common;
using System.Text.Json;
using Dapper;
using Hospital.Silo.Storage;
using Hospital.Grains.Abstractions.Storage;
using Hospital.Grains.Catalog;
using Hospital.Grains.SlotPools;

namespace Hospital.Silo.Storage.SlotPools;

/// <summary>
/// Slot pools on either database. Both drivers block inside their "async" methods, so every call runs on the
/// thread pool (<see cref="Task.Run(Func{Task})"/>): a pool grain awaiting its write must not hold its
/// scheduler's thread, or no other decision could join the next batch meanwhile.
/// </summary>
public sealed class SqlSlotPoolStore(IDbConnectionFactory connections) : ISlotPoolStore
{
    public Task<SlotPool?> LoadAsync(string sessionId, CancellationToken cancellationToken = default) =>
        Task.Run(() => LoadCoreAsync(sessionId, cancellationToken), cancellationToken);

    public Task CommitAsync(PoolBatch batch, CancellationToken cancellationToken = default) =>
        Task.Run(() => CommitCoreAsync(batch, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<SlotPool>> LoadPoolsAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken = default) =>
        Task.Run<IReadOnlyList<SlotPool>>(async () =>
        {
            await using var connection = await connections.OpenConnectionAsync(cancellationToken);
            var window = new { From = SessionDates.Format(from), To = SessionDates.Format(to) };
            var sessions = await connection.QueryAsync<SessionRow>(new CommandDefinition(
                SessionRow.Select + " WHERE visit_date >= @From AND visit_date <= @To",
                window, cancellationToken: cancellationToken));
            var live = (await connection.QueryAsync<AppointmentRow>(new CommandDefinition(
                    AppointmentRow.Select + " WHERE slot_lock = 1 AND session_id IN (SELECT session_id FROM sessions WHERE visit_date >= @From AND visit_date <= @To)",
                    window, cancellationToken: cancellationToken)))
                .Select(row => row.ToAppointment())
                .ToLookup(a => a.SessionId);
            return sessions.Select(session => ToPool(session, live[session.SessionId])).ToList();
        }, cancellationToken);

    public Task<IReadOnlyList<string>> FindSessionsWithHoldsDueAsync(DateTimeOffset dueBy, CancellationToken cancellationToken = default) =>
        Task.Run<IReadOnlyList<string>>(async () =>
        {
            await using var connection = await connections.OpenConnectionAsync(cancellationToken);
            var sessions = await connection.QueryAsync<string>(new CommandDefinition(
                "SELECT DISTINCT session_id FROM appointments WHERE status = 'Held' AND expires_at <= @DueBy",
                new { DueBy = AppointmentRow.Utc(dueBy) }, cancellationToken: cancellationToken));
            return sessions.ToList();
        }, cancellationToken);

    private async Task<SlotPool?> LoadCoreAsync(string sessionId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        var session = await connection.QuerySingleOrDefaultAsync<SessionRow>(new CommandDefinition(
            SessionRow.Select + " WHERE session_id = @sessionId",
            new { sessionId }, cancellationToken: cancellationToken));
        if (session is null) return null;
        var appointments = await connection.QueryAsync<AppointmentRow>(new CommandDefinition(
            AppointmentRow.Select + " WHERE session_id = @sessionId", new { sessionId }, cancellationToken: cancellationToken));
        return ToPool(session, appointments.Select(a => a.ToAppointment()));
    }

    private static SlotPool ToPool(SessionRow session, IEnumerable<PoolAppointment> appointments) =>
        new(DefinitionOf(session), Enum.Parse<SessionStatus>(session.Status), session.Version, appointments);

    private static SessionDefinition DefinitionOf(SessionRow session) =>
        JsonSerializer.Deserialize<SessionDefinition>(session.Definition, StorageJson.Options)!;

    private async Task CommitCoreAsync(PoolBatch batch, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var claimed = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE sessions SET version = @NewVersion, status = @Status, held_count = @HeldCount, booked_count = @BookedCount " +
            "WHERE session_id = @SessionId AND version = @ExpectedVersion",
            new { batch.NewVersion, Status = batch.Status.ToString(), batch.HeldCount, batch.BookedCount, batch.SessionId, batch.ExpectedVersion },
            transaction, cancellationToken: cancellationToken));
        if (claimed == 0)
            throw new InconsistentStateException($"Session {batch.SessionId} changed since version {batch.ExpectedVersion}.", null, batch.ExpectedVersion.ToString());

        // Updates first: they may free slots that inserts of the same batch take again (unique session/slot/lock key).
        foreach (var row in batch.Updates) await UpdateAppointmentAsync(connection, transaction, row, cancellationToken);
        await MultiRowInsert.ExecuteAsync(connection, transaction, "appointments", AppointmentRow.Columns, batch.Inserts, AppointmentRow.Values, cancellationToken);
        await InsertHistoryAsync(connection, transaction, batch, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static Task UpdateAppointmentAsync(DbConnection connection, DbTransaction transaction, PoolAppointment row, CancellationToken cancellationToken)
    {
        var values = AppointmentRow.Values(row);
        var assignments = string.Join(", ", AppointmentRow.Columns.Skip(1).Select((column, i) => $"{column} = @p{i + 1}"));
        var parameters = new DynamicParameters();
        for (var i = 0; i < values.Length; i++) parameters.Add($"p{i}", values[i]);
        return connection.ExecuteAsync(new CommandDefinition($"UPDATE appointments SET {assignments} WHERE id = @p0", parameters, transaction, cancellationToken: cancellationToken));
    }

    private static async Task InsertHistoryAsync(DbConnection connection, DbTransaction transaction, PoolBatch batch, CancellationToken cancellationToken)
    {
        await MultiRowInsert.ExecuteAsync(connection, transaction, "appointment_audit", ["appointment_id", "at", "actor", "from_status", "to_status", "reason"],
            batch.Audits, a => [a.AppointmentId, AppointmentRow.Utc(a.At), a.Actor, a.From?.ToString(), a.To.ToString(), a.Reason], cancellationToken);
        await MultiRowInsert.ExecuteAsync(connection, transaction, "payments", ["id", "appointment_id", "amount", "method", "paid_at"],
            batch.Payments, p => [p.Id, p.AppointmentId, p.Amount, p.Method, AppointmentRow.Utc(p.PaidAt)], cancellationToken);
        await MultiRowInsert.ExecuteAsync(connection, transaction, "refunds", ["id", "appointment_id", "payment_id", "amount", "reason", "created_at"],
            batch.Refunds, r => [r.Id, r.AppointmentId, r.PaymentId, r.Amount, r.Reason, AppointmentRow.Utc(r.CreatedAt)], cancellationToken);
        await MultiRowInsert.ExecuteAsync(connection, transaction, "notifications", ["patient_id", "appointment_id", "kind", "message", "created_at"],
            batch.Notifications, n => [n.PatientId, n.AppointmentId, n.Kind, n.Message, AppointmentRow.Utc(n.CreatedAt)], cancellationToken);
    }

    private sealed record SessionRow(string SessionId, string Definition, string Status, long Version)
    {
        public const string Select = "SELECT session_id AS SessionId, definition AS Definition, status AS Status, version AS Version FROM sessions";
    }
}
