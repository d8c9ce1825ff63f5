namespace Hospital.Grains.Accounts;

/// <summary>Refresh tokens (table refresh_tokens): one-time use, rotated within a family, revoked per family.</summary>
public interface IRefreshTokenStore
{
    Task AddAsync(RefreshTokenRecord token, CancellationToken cancellationToken = default);

    /// <summary>
    /// Spends the live token with <paramref name="tokenHash"/> in one conditional write, so of two simultaneous
    /// presentations exactly one succeeds; presenting a spent token revokes its family.
    /// </summary>
    Task<RefreshRedemption> RedeemAsync(string tokenHash, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Revokes every token of the family of <paramref name="tokenHash"/> if it belongs to the subject; false when it does not.</summary>
    Task<bool> RevokeFamilyAsync(string tokenHash, string subjectKind, string subjectId, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Revokes every live token of the subject, of every login (a closed account).</summary>
    Task RevokeSubjectAsync(string subjectKind, string subjectId, DateTimeOffset now, CancellationToken cancellationToken = default);
}
