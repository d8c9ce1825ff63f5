namespace Hospital.Grains.Abuse;

/// <summary>A flag detection raised on an account for admins to review: what it saw, the evidence (personal data masked) and when.</summary>
public sealed record AccountFlag(long Id, string AccountId, AccountFlagKind Kind, string Evidence, DateTimeOffset RaisedAt);
