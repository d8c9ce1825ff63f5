using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Hospital.Api.Apis.Contracts;
using Hospital.Grains.Abstractions.Accounts;
using Hospital.Grains.Accounts;
using Hospital.Grains.Catalog;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Hospital.Api.Infrastructure.Auth;

/// <summary>
/// Issues access tokens (JWT, HMAC-SHA256, short-lived) and refresh tokens (opaque, random, stored only as a hash, one-time
/// use). A login starts a refresh family; every refresh spends one token and adds its successor to that family.
/// </summary>
public sealed class TokenIssuer(IOptions<AuthOptions> options, IRefreshTokenStore refreshTokens, HospitalClock clock)
{
    private static readonly JsonWebTokenHandler Handler = new();

    public Task<TokenResponse> IssueAsync(PatientAccount account, string? familyId = null, CancellationToken cancellationToken = default) =>
        IssueAsync(HospitalClaims.PatientKind, account.Id, [new(HospitalClaims.Role, HospitalRoles.Patient)], familyId, restricted: false, cancellationToken);

    /// <summary>Full tokens, or, while the initial password stands, an access token that only allows changing it.</summary>
    public Task<TokenResponse> IssueAsync(StaffIdentity staff, string? familyId = null, CancellationToken cancellationToken = default) =>
        IssueAsync(HospitalClaims.StaffKind, staff.StaffId, StaffClaims(staff), familyId, staff.MustChangePassword, cancellationToken);

    /// <summary>An access token alone, no refresh token stored: for the dashboard's cookie, which a browser never refreshes.</summary>
    public string IssueAccessToken(StaffIdentity staff) => AccessToken(HospitalClaims.StaffKind, staff.StaffId, StaffClaims(staff), NewFamilyId());

    private static List<Claim> StaffClaims(StaffIdentity staff)
    {
        List<Claim> claims = staff.MustChangePassword
            ? [new(HospitalClaims.Scope, HospitalClaims.PasswordChangeScope)]
            : [new(HospitalClaims.Role, staff.Role), .. staff.DepartmentIds.Select(id => new Claim(HospitalClaims.Department, id.ToString(CultureInfo.InvariantCulture)))];
        if (!staff.MustChangePassword && staff.DoctorId is { } doctorId) claims.Add(new(HospitalClaims.DoctorId, doctorId.ToString(CultureInfo.InvariantCulture)));
        return claims;
    }

    /// <summary>The SHA-256 of a refresh token: tokens are 256 random bits, so an unkeyed hash cannot be reversed.</summary>
    public static string Hash(string refreshToken) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(refreshToken)));

    /// <summary>The key that signs and checks access tokens.</summary>
    public static SymmetricSecurityKey SigningKey(AuthOptions options) => new(Encoding.UTF8.GetBytes(options.SigningKey));

    private async Task<TokenResponse> IssueAsync(string kind, string subject, List<Claim> claims, string? familyId, bool restricted, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        familyId ??= NewFamilyId();
        var accessToken = AccessToken(kind, subject, claims, familyId);
        var expiresIn = (int)settings.AccessTokenLifetime.TotalSeconds;
        if (restricted) return new TokenResponse(accessToken, "Bearer", expiresIn, null, null, MustChangePassword: true);

        var refreshToken = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        var refreshExpiresAt = now + settings.RefreshTokenLifetime;
        await refreshTokens.AddAsync(new RefreshTokenRecord(Hash(refreshToken), familyId, kind, subject, now, refreshExpiresAt), cancellationToken);
        return new TokenResponse(accessToken, "Bearer", expiresIn, refreshToken, refreshExpiresAt, MustChangePassword: false);
    }

    private string AccessToken(string kind, string subject, List<Claim> claims, string familyId)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        claims.AddRange([new(HospitalClaims.Subject, subject), new(HospitalClaims.Kind, kind), new(HospitalClaims.Session, familyId),
            new(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString("N"))]);
        return Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = settings.Issuer,
            Audience = settings.Issuer,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = (now + settings.AccessTokenLifetime).UtcDateTime,
            SigningCredentials = new SigningCredentials(SigningKey(settings), SecurityAlgorithms.HmacSha256),
        });
    }

    private static string NewFamilyId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
