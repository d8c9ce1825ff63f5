using System.Threading.RateLimiting;
using Hospital.Api.Infrastructure.RateLimits;
using Microsoft.Extensions.Options;

namespace Hospital.Api.Infrastructure.Auth;

/// <summary>ASP.NET Core's rate limiter on the login endpoints, per client IP; a refusal is <see cref="RateLimitRejection"/>'s 429.</summary>
public static class LoginRateLimits
{
    public const string SmsCodes = "sms-codes";
    public const string Logins = "logins";

    public static IServiceCollection AddLoginRateLimits(this IServiceCollection services)
    {
        services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(SmsCodes, context => PerIp(context, o => (o.SmsCodesPerIp, o.SmsCodeWindow)));
            limiter.AddPolicy(Logins, context => PerIp(context, o => (o.LoginsPerIp, o.LoginWindow)));
            limiter.OnRejected = RateLimitRejection.WriteAsync;
        });
        return services;
    }

    // Behind a trusted proxy the client address comes from its forwarded headers (TrustedProxies).
    private static RateLimitPartition<string> PerIp(HttpContext context, Func<LoginRateLimitOptions, (int Permits, TimeSpan Window)> limit)
    {
        var (permits, window) = limit(context.RequestServices.GetRequiredService<IOptions<LoginRateLimitOptions>>().Value);
        return RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 });
    }
}
