using System.Threading.RateLimiting;
using Hospital.Api.Infrastructure.Auth;
using Hospital.Grains.Abstractions.Booking;
using Microsoft.Extensions.Options;

namespace Hospital.Api.Infrastructure.RateLimits;

/// <summary>
/// ASP.NET Core's rate limiter on the booking endpoints, per account and per client address at once (a chained global
/// limiter that lets every other endpoint pass): a caller must be within both. The address is the client's, read from
/// forwarded headers only when a trusted proxy sent them (<see cref="Proxies.TrustedProxies"/>). Refusals are
/// <see cref="RateLimitRejection"/>'s 429.
/// </summary>
public static class BookingRateLimits
{
    /// <summary>Endpoint metadata: the endpoint books, so both limits apply.</summary>
    public sealed class Marker;

    private static readonly Marker Booking = new();

    public static IServiceCollection AddBookingRateLimits(this IServiceCollection services)
    {
        services.AddOptions<BookingRateLimitOptions>().BindConfiguration(BookingRateLimitOptions.Section)
            .Validate(o => { o.Validate(); return true; }).ValidateOnStart();
        services.AddRateLimiter(limiter => limiter.GlobalLimiter = PartitionedRateLimiter.CreateChained(
            Partitioned(Caller, o => o.BookingsPerAccount),
            Partitioned(context => $"ip:{context.Connection.RemoteIpAddress?.ToString() ?? "unknown"}", o => o.BookingsPerIp)));
        return services;
    }

    /// <summary>Puts the endpoint under both booking limits and declares their 429.</summary>
    public static RouteHandlerBuilder WithBookingRateLimits(this RouteHandlerBuilder endpoint) =>
        endpoint.WithMetadata(Booking).ProducesProblem(StatusCodes.Status429TooManyRequests);

    /// <summary>True when the request is one of the booking endpoints.</summary>
    public static bool IsBooking(HttpContext context) => context.GetEndpoint()?.Metadata.GetMetadata<Marker>() is not null;

    /// <summary>The signed-in caller as the audit rows name them (the endpoints require a token, checked before the limiter).</summary>
    private static string Caller(HttpContext context) => context.User.Actor();

    private static PartitionedRateLimiter<HttpContext> Partitioned(Func<HttpContext, string> key, Func<BookingRateLimitOptions, int> permits) =>
        PartitionedRateLimiter.Create<HttpContext, string>(context =>
        {
            if (!IsBooking(context)) return RateLimitPartition.GetNoLimiter("");
            var options = context.RequestServices.GetRequiredService<IOptions<BookingRateLimitOptions>>().Value;
            return RateLimitPartition.GetFixedWindowLimiter(key(context),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permits(options), Window = options.Window, QueueLimit = 0 });
        });
}
