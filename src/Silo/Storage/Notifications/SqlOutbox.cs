using Dapper;
using Hospital.Grains.SlotPools;
using Hospital.Silo.Notifications;
using Hospital.Silo.Storage.SlotPools;

namespace Hospital.Silo.Storage.Notifications;

/// <summary>
/// The notifications outbox on either database. A dispatcher claims rows before sending them: the claim is one UPDATE whose
/// condition (unsent, unclaimed or its lease over) the database re-checks on each row under the row's lock, so of two nodes
/// claiming at once each row goes to exactly one. Calls run on the thread pool because the SQLite driver blocks.
/// </summary>
public sealed class SqlOutbox(IDbConnectionFactory connections)
{
    private const string Claimable = "sent_at IS NULL AND (claimed_until IS NULL OR claimed_until <= @now)";

    /// <summary>Claims up to <paramref name="max"/> due notices, oldest first, for <paramref name="claim"/> until <paramref name="leaseUntil"/>.</summary>
    public Task<IReadOnlyList<OutboxNotice>> ClaimAsync(string claim, DateTimeOffset now, DateTimeOffset leaseUntil, int max, int maxAttempts,
        CancellationToken cancellationToken = default) => Task.Run<IReadOnlyList<OutboxNotice>>(async () =>
    {
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        var parameters = new { claim, now = AppointmentRow.Utc(now), leaseUntil = AppointmentRow.Utc(leaseUntil), max, maxAttempts };
        var due = (await connection.QueryAsync<long>(new CommandDefinition(
            $"SELECT id FROM notifications WHERE {Claimable} AND attempts < @maxAttempts AND (next_attempt_at IS NULL OR next_attempt_at <= @now) " +
            "ORDER BY id LIMIT @max", parameters, cancellationToken: cancellationToken))).AsList();
        if (due.Count == 0) return [];
        await connection.ExecuteAsync(new CommandDefinition(
            $"UPDATE notifications SET claim = @claim, claimed_until = @leaseUntil WHERE id IN @due AND {Claimable}",
            new { claim, now = parameters.now, leaseUntil = parameters.leaseUntil, due }, cancellationToken: cancellationToken));
        var claimed = await connection.QueryAsync<ClaimedRow>(new CommandDefinition(
            "SELECT id AS Id, patient_id AS PatientId, kind AS Kind, message AS Message, attempts AS Attempts FROM notifications " +
            "WHERE id IN @due AND claim = @claim ORDER BY id", new { due, claim }, cancellationToken: cancellationToken));
        return [.. claimed.Select(r => new OutboxNotice(r.Id, r.PatientId, r.Kind, r.Message, (int)r.Attempts))];
    }, cancellationToken);

    /// <summary>Records that the claimed notice went out.</summary>
    public Task MarkSentAsync(long id, string claim, DateTimeOffset now, CancellationToken cancellationToken = default) => Task.Run(async () =>
    {
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE notifications SET sent_at = @now, attempts = attempts + 1, claim = NULL, claimed_until = NULL WHERE id = @id AND claim = @claim",
            new { id, claim, now = AppointmentRow.Utc(now) }, cancellationToken: cancellationToken));
    }, cancellationToken);

    /// <summary>Records a failed attempt and releases the claim; the notice is due again at <paramref name="retryAt"/>.</summary>
    public Task MarkFailedAsync(long id, string claim, DateTimeOffset retryAt, CancellationToken cancellationToken = default) => Task.Run(async () =>
    {
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE notifications SET attempts = attempts + 1, next_attempt_at = @retryAt, claim = NULL, claimed_until = NULL WHERE id = @id AND claim = @claim",
            new { id, claim, retryAt = AppointmentRow.Utc(retryAt) }, cancellationToken: cancellationToken));
    }, cancellationToken);

    /// <summary>Writes each notice unless one with its dedupe key exists already (written by an earlier sweep or another node).</summary>
    public Task AddOnceAsync(IReadOnlyList<KeyedNotice> notices, CancellationToken cancellationToken = default) => Task.Run(async () =>
    {
        if (notices.Count == 0) return;
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            $"{connections.Dialect.InsertOrIgnoreInto} notifications (patient_id, appointment_id, kind, message, created_at, dedupe_key) " +
            "VALUES (@PatientId, @AppointmentId, @Kind, @Message, @CreatedAt, @DedupeKey)",
            notices.Select(n => new
            {
                n.Notice.PatientId, n.Notice.AppointmentId, n.Notice.Kind, n.Notice.Message, CreatedAt = AppointmentRow.Utc(n.Notice.CreatedAt), n.DedupeKey,
            }), cancellationToken: cancellationToken));
    }, cancellationToken);

    /// <summary>Which of <paramref name="keys"/> some notice already carries.</summary>
    public Task<IReadOnlySet<string>> ExistingKeysAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken = default) =>
        Task.Run<IReadOnlySet<string>>(async () =>
        {
            if (keys.Count == 0) return new HashSet<string>();
            await using var connection = await connections.OpenConnectionAsync(cancellationToken);
            return (await connection.QueryAsync<string>(new CommandDefinition(
                "SELECT dedupe_key FROM notifications WHERE dedupe_key IN @keys", new { keys }, cancellationToken: cancellationToken))).ToHashSet();
        }, cancellationToken);

    private sealed class ClaimedRow
    {
        public long Id { get; set; }
        public string PatientId { get; set; } = "";
        public string Kind { get; set; } = "";
        public string Message { get; set; } = "";
        public long Attempts { get; set; }
    }
}
