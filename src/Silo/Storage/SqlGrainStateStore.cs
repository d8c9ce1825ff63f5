using System.Data.Common;
using Dapper;
using Orleans.Storage;

namespace Hospital.Silo.Storage;

/// <summary>
/// <see cref="IGrainStateStore"/> on the grain_state table, one portable SQL text for SQLite and MySQL.
/// Every write is one statement conditioned on the etag the caller read, so two activations of one grain (on one
/// node or two) can never overwrite each other: the database decides, and the loser gets
/// <see cref="InconsistentStateException"/> with nothing changed.
/// </summary>
/// <remarks>
/// An etag is a fresh random value per write, never a counter: after a clear and a re-create a counter would start
/// again at the same value, and a stale activation still holding it would pass the check.
/// </remarks>
public sealed class SqlGrainStateStore(IDbConnectionFactory connectionFactory, TimeProvider timeProvider) : IGrainStateStore
{
    private const string KeyFilter = "state_name = @StateName AND grain_key = @GrainKey";

    public async Task<StoredGrainState?> ReadAsync(string stateName, string grainKey, CancellationToken cancellationToken = default)
    {
        await using var connection = await connectionFactory.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<StoredGrainState>(new CommandDefinition(
            $"SELECT payload AS PayloadJson, etag AS Etag FROM grain_state WHERE {KeyFilter}",
            new { StateName = stateName, GrainKey = grainKey },
            cancellationToken: cancellationToken));
    }

    public async Task<string> WriteAsync(
        string stateName, string grainKey, string payloadJson, string? expectedEtag, CancellationToken cancellationToken = default)
    {
        var row = new
        {
            StateName = stateName,
            GrainKey = grainKey,
            Payload = payloadJson,
            Etag = Guid.NewGuid().ToString("N"),
            Expected = expectedEtag,
            UpdatedAt = timeProvider.GetUtcNow().UtcDateTime,
        };
        await using var connection = await connectionFactory.OpenConnectionAsync(cancellationToken);
        var written = expectedEtag is null
            ? await TryInsertAsync(connection, row, cancellationToken)
            : await connection.ExecuteAsync(new CommandDefinition(
                $"UPDATE grain_state SET payload = @Payload, etag = @Etag, updated_at = @UpdatedAt WHERE {KeyFilter} AND etag = @Expected",
                row,
                cancellationToken: cancellationToken)) == 1;
        if (!written)
        {
            throw await ConflictAsync(connection, stateName, grainKey, expectedEtag, cancellationToken);
        }

        return row.Etag;
    }

    public async Task ClearAsync(string stateName, string grainKey, string? expectedEtag, CancellationToken cancellationToken = default)
    {
        await using var connection = await connectionFactory.OpenConnectionAsync(cancellationToken);
        // Expecting no row and finding none: there is nothing to delete, and nothing that could be lost.
        var cleared = expectedEtag is null
            ? await ReadEtagAsync(connection, stateName, grainKey, cancellationToken) is null
            : await connection.ExecuteAsync(new CommandDefinition(
                $"DELETE FROM grain_state WHERE {KeyFilter} AND etag = @Expected",
                new { StateName = stateName, GrainKey = grainKey, Expected = expectedEtag },
                cancellationToken: cancellationToken)) == 1;
        if (!cleared)
        {
            throw await ConflictAsync(connection, stateName, grainKey, expectedEtag, cancellationToken);
        }
    }

    private async Task<bool> TryInsertAsync(DbConnection connection, object row, CancellationToken cancellationToken)
    {
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO grain_state (state_name, grain_key, etag, payload, updated_at) VALUES (@StateName, @GrainKey, @Etag, @Payload, @UpdatedAt)",
                row,
                cancellationToken: cancellationToken));
            return true;
        }
        catch (DbException exception) when (connectionFactory.Dialect.IsDuplicateKey(exception))
        {
            return false;
        }
    }

    private static async Task<InconsistentStateException> ConflictAsync(
        DbConnection connection, string stateName, string grainKey, string? expectedEtag, CancellationToken cancellationToken)
    {
        var storedEtag = await ReadEtagAsync(connection, stateName, grainKey, cancellationToken);
        return new InconsistentStateException(
            $"Version conflict on {stateName}/{grainKey}: expected etag '{expectedEtag ?? "(none)"}', stored '{storedEtag ?? "(none)"}'.",
            storedEtag,
            expectedEtag);
    }

    private static Task<string?> ReadEtagAsync(DbConnection connection, string stateName, string grainKey, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
            $"SELECT etag FROM grain_state WHERE {KeyFilter}",
            new { StateName = stateName, GrainKey = grainKey },
            cancellationToken: cancellationToken));
}
