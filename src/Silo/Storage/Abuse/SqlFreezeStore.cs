using Dapper;
using Hospital.Grains.Abstractions.Abuse;
using Hospital.Grains.Abuse;
using Hospital.Silo.Storage.SlotPools;

namespace Hospital.Silo.Storage.Abuse;

/// <summary>Freezes on either database; calls run on the thread pool because the SQLite driver blocks.</summary>
public sealed class SqlFreezeStore(IDbConnectionFactory connections) : IFreezeStore
{
    public Task<FreezeState> LoadAsync(FrozenSubject subject, string id, CancellationToken cancellationToken = default) => Task.Run(async () =>
    {
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        var row = await connection.QueryFirstOrDefaultAsync<FreezeRow>(new CommandDefinition(
            "SELECT frozen AS Frozen, reason AS Reason, actor AS Actor, at AS At FROM freeze_audit " +
            "WHERE subject_kind = @kind AND subject_id = @id ORDER BY id DESC LIMIT 1",
            new { kind = subject.ToString(), id }, cancellationToken: cancellationToken));
        return row is null ? FreezeState.Never : new FreezeState(row.Frozen, row.Reason, row.Actor, AppointmentRow.FromUtc(row.At));
    }, cancellationToken);

    public Task AppendAsync(FrozenSubject subject, string id, FreezeState state, CancellationToken cancellationToken = default) => Task.Run(async () =>
    {
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO freeze_audit (subject_kind, subject_id, frozen, reason, actor, at) VALUES (@kind, @id, @Frozen, @Reason, @Actor, @At)",
            new { kind = subject.ToString(), id, state.Frozen, state.Reason, state.Actor, At = AppointmentRow.Utc(state.At) },
            cancellationToken: cancellationToken));
    }, cancellationToken);

    private sealed class FreezeRow
    {
        public bool Frozen { get; set; }
        public string Reason { get; set; } = "";
        public string Actor { get; set; } = "";
        public DateTime At { get; set; }
    }
}
