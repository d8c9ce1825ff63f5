namespace Hospital.Grains.Accounts;

/// <summary>
/// A refresh token as stored: its hash (never the token), the family of tokens rotated from one login, and whom it signs in.
/// <see cref="SubjectKind"/> is <c>patient</c> (an account id) or <c>staff</c> (a staff id).
/// </summary>
public sealed record RefreshTokenRecord(string TokenHash, string FamilyId, string SubjectKind, string SubjectId, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt);
