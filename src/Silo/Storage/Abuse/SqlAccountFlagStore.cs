using Dapper;
using Hospital.Grains.Abstractions.Booking;
using Hospital.Grains.Abuse;
using Hospital.Silo.Storage.SlotPools;

namespace Hospital.Silo.Storage.Abuse;

/// <summary>Account flags and what detection counts, on either database; calls run on the thread pool because the SQLite driver blocks.</summary>
public sealed class SqlAccountFlagStore(IDbConnectionFactory connections) : IAccountFlagStore
{
    public Task<bool> RaiseAsync(string accountId, AccountFlagKind kind, DateTimeOffset windowStart, string evidence, DateTimeOffset at,
        CancellationToken cancellationToken = default) => Task.Run(async () =>
    {
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            $"{connections.Dialect.InsertOrIgnoreInto} account_flags (account_id, kind, window_start, evidence, raised_at) " +
            "VALUES (@accountId, @kind, @windowStart, @evidence, @at)",
            new { accountId, kind = kind.ToString(), windowStart = AppointmentRow.Utc(windowStart), evidence, at = AppointmentRow.Utc(at) },
            cancellationToken: cancellationToken)) > 0;
    }, cancellationToken);

    public Task<IReadOnlyList<AccountFlag>> ListAsync(int take, long? beforeId, CancellationToken cancellationToken = default) =>
        Task.Run<IReadOnlyList<AccountFlag>>(async () =>
        {
            await using var connection = await connections.OpenConnectionAsync(cancellationToken);
            var rows = await connection.QueryAsync<FlagRow>(new CommandDefinition(
                "SELECT id AS Id, account_id AS AccountId, kind AS Kind, evidence AS Evidence, raised_at AS RaisedAt FROM account_flags " +
                "WHERE @beforeId IS NULL OR id < @beforeId ORDER BY id DESC LIMIT @take",
                new { take, beforeId }, cancellationToken: cancellationToken));
            return [.. rows.Select(r => new AccountFlag(r.Id, r.AccountId, Enum.Parse<AccountFlagKind>(r.Kind), r.Evidence, AppointmentRow.FromUtc(r.RaisedAt)))];
        }, cancellationToken);

    public Task<int> RecordRemovalAsync(string accountId, string patientId, DateTimeOffset at, DateTimeOffset since,
        CancellationToken cancellationToken = default) => Task.Run(async () =>
    {
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO family_removals (account_id, patient_id, removed_at) VALUES (@accountId, @patientId, @at)",
            new { accountId, patientId, at = AppointmentRow.Utc(at) }, cancellationToken: cancellationToken));
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT COUNT(*) FROM family_removals WHERE account_id = @accountId AND removed_at >= @since",
            new { accountId, since = AppointmentRow.Utc(since) }, cancellationToken: cancellationToken));
    }, cancellationToken);

    public Task<IReadOnlyList<(string AccountId, int Lapsed)>> FindLapsedHoldsAsync(DateTimeOffset since, int minimum,
        CancellationToken cancellationToken = default) => Task.Run<IReadOnlyList<(string, int)>>(async () =>
    {
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        // Driven by the appointments index on (status, expires_at), so a sweep reads the window's lapsed holds, not all history;
        // each one's creation audit row names the account that booked it (actor account:<id>).
        var rows = await connection.QueryAsync<LapsedRow>(new CommandDefinition(
            "SELECT c.actor AS Actor, COUNT(*) AS Lapsed FROM appointments a " +
            "JOIN appointment_audit c ON c.appointment_id = a.id AND c.from_status IS NULL " +
            "WHERE a.status IN (@expired, @abandoned) AND a.expires_at >= @since AND c.actor LIKE @accounts " +
            "GROUP BY c.actor HAVING COUNT(*) >= @minimum",
            new
            {
                accounts = BookingActor.AccountPrefix + "%", since = AppointmentRow.Utc(since), minimum,
                expired = nameof(AppointmentStatus.Expired), abandoned = nameof(AppointmentStatus.Abandoned),
            }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => (r.Actor[BookingActor.AccountPrefix.Length..], (int)r.Lapsed))];
    }, cancellationToken);

    private sealed class FlagRow
    {
        public long Id { get; set; }
        public string AccountId { get; set; } = "";
        public string Kind { get; set; } = "";
        public string Evidence { get; set; } = "";
        public DateTime RaisedAt { get; set; }
    }

    private sealed class LapsedRow
    {
        public string Actor { get; set; } = "";
        public long Lapsed { get; set; }
    }
}
