namespace Hospital.Api.Infrastructure.Auth;

/// <summary>
/// Per-IP limits of the login endpoints (section "Auth:RateLimits"), on top of the per-phone and per-staff-id limits. Mobile
/// carriers put many phones behind one address, so these are looser than the per-phone ones. Validated at start.
/// </summary>
public sealed class LoginRateLimitOptions
{
    public const string Section = "Auth:RateLimits";

    /// <summary>SMS code requests one IP address may make per <see cref="SmsCodeWindow"/>. Default 20.</summary>
    public int SmsCodesPerIp { get; set; } = 20;

    /// <summary>Default 10 minutes.</summary>
    public TimeSpan SmsCodeWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Login, staff login and refresh requests one IP address may make per <see cref="LoginWindow"/>. Default 60.</summary>
    public int LoginsPerIp { get; set; } = 60;

    /// <summary>Default 1 minute.</summary>
    public TimeSpan LoginWindow { get; set; } = TimeSpan.FromMinutes(1);

    public void Validate()
    {
        if (SmsCodesPerIp < 1 || LoginsPerIp < 1 || SmsCodeWindow <= TimeSpan.Zero || LoginWindow <= TimeSpan.Zero)
            throw new InvalidOperationException("Auth:RateLimits: limits and windows must be positive.");
    }
}
