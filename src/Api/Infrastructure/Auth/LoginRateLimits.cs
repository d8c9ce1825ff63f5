using System.Globalization;
using System.Threading.RateLimiting;
using Hospital.Api.Infrastructure.Errors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Hospital.Api.Infrastructure.Auth;

/// <summary>ASP.NET Core's rate limiter on the login endpoints, per client IP; a refusal is 429 problem details with Retry-After.</summary>
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
            limiter.OnRejected = RejectAsync;
        });
        return services;
    }

    // Behind a proxy the client address comes from forwarded headers, which the deployment must configure; else all share one.
    private static RateLimitPartition<string> PerIp(HttpContext context, Func<LoginRateLimitOptions, (int Permits, TimeSpan Window)> limit)
    {
        var (permits, window) = limit(context.RequestServices.GetRequiredService<IOptions<LoginRateLimitOptions>>().Value);
        return RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 });
    }

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var http = rejected.HttpContext;
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
            http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests, Title = "Too many requests from this address; retry later.",
                Extensions = { ["code"] = ProblemCodes.RateLimited },
            },
        });
    }
}
