namespace Hospital.Api.Apis.Contracts;

/// <summary>A refresh token to trade for new tokens (refresh), or to revoke with every token rotated from the same login (logout).</summary>
public sealed record RefreshTokenRequest(string? RefreshToken);
