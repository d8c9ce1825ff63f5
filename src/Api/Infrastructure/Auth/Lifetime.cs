namespace Hospital.Api.Infrastructure.Auth;

/// <summary>Whether a token's validity period covers an instant, with the tolerated clock difference either side.</summary>
internal static class Lifetime
{
    public static bool Covers(DateTime utcNow, DateTime? notBefore, DateTime? expires, TimeSpan skew) =>
        expires is { } end && utcNow < end + skew && (notBefore is not { } start || start - skew <= utcNow);
}
