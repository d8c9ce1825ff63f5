namespace Hospital.Api.Infrastructure.RateLimits;

/// <summary>
/// Limits of booking calls (holds and reschedules; section "Abuse:RateLimits"), per account and per client address, on top
/// of the daily booking limits. A phone that retries at a release stays far below them; a script does not. Mobile carriers
/// put many phones behind one address, so the per-address limit is much looser. Validated at start.
/// </summary>
public sealed class BookingRateLimitOptions
{
    public const string Section = "Abuse:RateLimits";

    /// <summary>Booking calls one account (or staff user) may make per <see cref="Window"/>. Default 10.</summary>
    public int BookingsPerAccount { get; set; } = 10;

    /// <summary>Booking calls one client address may make per <see cref="Window"/>, whoever is signed in. Default 300.</summary>
    public int BookingsPerIp { get; set; } = 300;

    /// <summary>Default 1 minute.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    public void Validate()
    {
        if (BookingsPerAccount < 1 || BookingsPerIp < 1 || Window <= TimeSpan.Zero)
            throw new InvalidOperationException("Abuse:RateLimits: limits and the window must be positive.");
    }
}
