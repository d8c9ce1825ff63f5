namespace Hospital.Grains.Accounts;

/// <summary>What presenting a refresh token did: rotated it (<see cref="Token"/> is the spent one), or found it unusable.</summary>
public sealed record RefreshRedemption(RefreshOutcome Outcome, RefreshTokenRecord? Token);
