using System.Text.Json;
using Dapper;
using Hospital.Grains.Catalog;
using Hospital.Grains.SlotPools;
using Hospital.Silo.Storage.Resilience;
using Hospital.Silo.Storage.Waitlists;

namespace Hospital.Silo.Storage.SlotPools;

/// <summary>
/// Slot pools on either database. The SQLite driver blocks inside its "async" methods, so reads run on the thread pool
/// (<see cref="Task.Run(Func{Task})"/>) and writes go to the node's <see cref="SlotPoolBatchWriter"/>: a pool grain
/// awaiting the database must not hold its scheduler's thread, or no other decision could join its next batch meanwhile.
/// </summary>
public sealed class SqlSlotPoolStore(IDbConnectionFactory connections, SlotPoolBatchWriter writer, StorageCircuit? circuit = null) : ISlotPoolStore
{
    /// <summary>One outcome of the node's circuit: a pool reloads after every failed write, so these reads see an outage first.</summary>
    public Task<SlotPool?> LoadAsync(string sessionId, CancellationToken cancellationToken = default) =>
        Task.Run(() => circuit is null
            ? LoadCoreAsync(sessionId, cancellationToken)
            : circuit.ExecuteAsync(token => LoadCoreAsync(sessionId, token), cancellationToken), cancellationToken);

    /// <summary>Handed to the node's batch writer, which commits it together with other pools' batches that wait at the same time.</summary>
    public Task CommitAsync(PendingBatch batch, CancellationToken cancellationToken = default) => writer.WriteAsync(batch.Seal, batch.After);

    public Task<IReadOnlyList<SlotPool>> LoadPoolsAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken = default) =>
        Task.Run<IReadOnlyList<SlotPool>>(async () =>
        {
            await using var connection = await connections.OpenConnectionAsync(cancellationToken);
            var window = new { From = SessionDates.Format(from), To = SessionDates.Format(to) };
            var sessions = await connection.QueryAsync<SessionRow>(new CommandDefinition(
                SessionRow.Select + " WHERE s.visit_date >= @From AND s.visit_date <= @To",
                window, commandTimeout: connections.BulkCommandTimeoutSeconds, cancellationToken: cancellationToken));
            var live = (await connection.QueryAsync<AppointmentRow>(new CommandDefinition(
                    AppointmentRow.Select + " WHERE slot_lock = 1 AND session_id IN (SELECT session_id FROM sessions WHERE visit_date >= @From AND visit_date <= @To)",
                    window, commandTimeout: connections.BulkCommandTimeoutSeconds, cancellationToken: cancellationToken)))
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

    /// <summary>
    /// Reads the session row with a shared lock before its appointments. A pool reloads after a write it was told failed,
    /// and on MySQL that write's transaction may still be alive on the server: its COMMIT sent, the answer lost to a timeout
    /// or a stalled server. It holds the session row's lock until it commits or rolls back, so the locking read waits for
    /// that end, and the appointments, read after it, include what it committed: the pool never decides again on a state
    /// that misses a write which in fact committed (a retry with the same idempotency key then finds its hold). Each read
    /// is a statement of its own (autocommit) as before: a transaction's begin would be a round trip with no timeout
    /// (see <see cref="CommandTransaction"/>). SQLite has no such lock and needs none: a failed commit there is over when it returns.
    /// </summary>
    private async Task<SlotPool?> LoadCoreAsync(string sessionId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        var session = await connection.QuerySingleOrDefaultAsync<SessionRow>(new CommandDefinition(
            SessionRow.Select + " WHERE s.session_id = @sessionId" + connections.Dialect.ForShare, new { sessionId }, cancellationToken: cancellationToken));
        if (session is null) return null;
        var appointments = await connection.QueryAsync<AppointmentRow>(new CommandDefinition(
            AppointmentRow.Select + " WHERE session_id = @sessionId", new { sessionId }, cancellationToken: cancellationToken));
        var waitlist = await connection.QueryAsync<WaitlistRow>(new CommandDefinition(
            $"SELECT {WaitlistRow.Columns} FROM waitlist_entries w WHERE w.session_id = @sessionId", new { sessionId }, cancellationToken: cancellationToken));
        return ToPool(session, appointments.Select(a => a.ToAppointment()), waitlist.Select(w => w.ToEntry()));
    }

    /// <summary>A pool; calendars at start-up load it without its waitlist, which only the session's own grain needs.</summary>
    private static SlotPool ToPool(SessionRow session, IEnumerable<PoolAppointment> appointments, IEnumerable<WaitlistEntry>? waitlist = null) =>
        new(DefinitionOf(session), Enum.Parse<SessionStatus>(session.Status), session.Version, appointments, waitlist);

    private static SessionDefinition DefinitionOf(SessionRow session) =>
        JsonSerializer.Deserialize<SessionDefinition>(session.Definition, StorageJson.Options)!;

    private sealed record SessionRow(string SessionId, string Definition, string Status, long Version)
    {
        /// <summary>Every session with its definition (aliases: s, d).</summary>
        public const string Select = "SELECT s.session_id AS SessionId, d.definition AS Definition, s.status AS Status, s.version AS Version " +
            "FROM sessions s JOIN session_definitions d ON d.session_id = s.session_id";
    }
}
