namespace Hospital.Api.Infrastructure.Auth;

/// <summary>Bearer tokens (section "Auth"), validated at start by <see cref="AuthOptionsValidator"/>.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";
    public const int MinSigningKeyBytes = 32;

    /// <summary>
    /// The HMAC-SHA256 key that signs access tokens, at least 32 bytes of UTF-8; the same on every node. No default:
    /// only appsettings.Development.json carries a dev-only value.
    /// </summary>
    public string SigningKey { get; set; } = "";

    /// <summary>The <c>iss</c> and <c>aud</c> of our tokens. Default "hospital".</summary>
    public string Issuer { get; set; } = "hospital";

    /// <summary>How long an access token is accepted; logout cannot recall one, so keep it short. Default 15 minutes.</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a refresh token can be used (each use replaces it). Default 30 days.</summary>
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Tolerated clock difference between nodes when checking expiry. Default 30 seconds.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);
}
