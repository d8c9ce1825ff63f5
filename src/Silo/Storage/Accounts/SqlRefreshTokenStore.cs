using Dapper;
using Hospital.Grains.Accounts;
using Hospital.Silo.Storage.SlotPools;

namespace Hospital.Silo.Storage.Accounts;

/// <summary>
/// Refresh tokens on either database. Spending a token is one conditional UPDATE (<c>used_at IS NULL</c>), so the database
/// picks exactly one winner among simultaneous presentations, on one node or several.
/// </summary>
public sealed class SqlRefreshTokenStore(IDbConnectionFactory connections) : IRefreshTokenStore
{
    public Task AddAsync(RefreshTokenRecord token, CancellationToken cancellationToken = default) => Task.Run(async () =>
    {
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO refresh_tokens (token_hash, family_id, subject_kind, subject_id, issued_at, expires_at) " +
            "VALUES (@TokenHash, @FamilyId, @SubjectKind, @SubjectId, @IssuedAt, @ExpiresAt)",
            new { token.TokenHash, token.FamilyId, token.SubjectKind, token.SubjectId, IssuedAt = AppointmentRow.Utc(token.IssuedAt), ExpiresAt = AppointmentRow.Utc(token.ExpiresAt) },
            cancellationToken: cancellationToken));
    }, cancellationToken);

    public Task<RefreshRedemption> RedeemAsync(string tokenHash, DateTimeOffset now, CancellationToken cancellationToken = default) => Task.Run(async () =>
    {
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            "SELECT token_hash AS TokenHash, family_id AS FamilyId, subject_kind AS SubjectKind, subject_id AS SubjectId, issued_at AS IssuedAt, " +
            "expires_at AS ExpiresAt, used_at AS UsedAt, revoked_at AS RevokedAt FROM refresh_tokens WHERE token_hash = @tokenHash",
            new { tokenHash }, cancellationToken: cancellationToken));
        if (row is null || row.RevokedAt is not null || now >= AppointmentRow.FromUtc(row.ExpiresAt)) return new RefreshRedemption(RefreshOutcome.Invalid, null);
        var spent = row.UsedAt is null && await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE refresh_tokens SET used_at = @now WHERE token_hash = @tokenHash AND used_at IS NULL AND revoked_at IS NULL",
            new { tokenHash, now = AppointmentRow.Utc(now) }, cancellationToken: cancellationToken)) == 1;
        if (spent) return new RefreshRedemption(RefreshOutcome.Redeemed, row.ToRecord());
        // Spent before (or by a simultaneous presentation): a copy of the token is in someone else's hands.
        await RevokeAsync(connection, row.FamilyId, now, cancellationToken);
        return new RefreshRedemption(RefreshOutcome.Reused, row.ToRecord());
    }, cancellationToken);

    public Task RevokeSubjectAsync(string subjectKind, string subjectId, DateTimeOffset now, CancellationToken cancellationToken = default) => Task.Run(async () =>
    {
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE refresh_tokens SET revoked_at = @now WHERE subject_kind = @subjectKind AND subject_id = @subjectId AND revoked_at IS NULL",
            new { subjectKind, subjectId, now = AppointmentRow.Utc(now) }, cancellationToken: cancellationToken));
    }, cancellationToken);

    public Task<bool> RevokeFamilyAsync(string tokenHash, string subjectKind, string subjectId, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        Task.Run(async () =>
        {
            await using var connection = await connections.OpenConnectionAsync(cancellationToken);
            var familyId = await connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
                "SELECT family_id FROM refresh_tokens WHERE token_hash = @tokenHash AND subject_kind = @subjectKind AND subject_id = @subjectId",
                new { tokenHash, subjectKind, subjectId }, cancellationToken: cancellationToken));
            if (familyId is null) return false;
            await RevokeAsync(connection, familyId, now, cancellationToken);
            return true;
        }, cancellationToken);

    private static Task RevokeAsync(System.Data.Common.DbConnection connection, string familyId, DateTimeOffset now, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            "UPDATE refresh_tokens SET revoked_at = @now WHERE family_id = @familyId AND revoked_at IS NULL",
            new { familyId, now = AppointmentRow.Utc(now) }, cancellationToken: cancellationToken));

    private sealed class Row
    {
        public string TokenHash { get; set; } = "";
        public string FamilyId { get; set; } = "";
        public string SubjectKind { get; set; } = "";
        public string SubjectId { get; set; } = "";
        public DateTime IssuedAt { get; set; }
        public DateTime ExpiresAt { get; set; }
        public DateTime? UsedAt { get; set; }
        public DateTime? RevokedAt { get; set; }

        public RefreshTokenRecord ToRecord() =>
            new(TokenHash, FamilyId, SubjectKind, SubjectId, AppointmentRow.FromUtc(IssuedAt), AppointmentRow.FromUtc(ExpiresAt));
    }
}
