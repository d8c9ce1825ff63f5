namespace Hospital.Api.Apis.Contracts;

/// <summary>
/// Tokens after a login or refresh. Send the access token as <c>Authorization: Bearer …</c>; trade the refresh token (once)
/// for new tokens before it expires. A staff user who must change the initial password gets a restricted access token and no refresh token.
/// </summary>
public sealed record TokenResponse(string AccessToken, string TokenType, int ExpiresIn, string? RefreshToken, DateTimeOffset? RefreshTokenExpiresAt, bool MustChangePassword);
