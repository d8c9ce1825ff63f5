using System.Globalization;
using System.Threading.RateLimiting;
using Hospital.Api.Infrastructure.Errors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Hospital.Api.Infrastructure.RateLimits;

/// <summary>The one answer of every rate limit (login, SMS, booking): 429 problem details, code request.rate_limited, with Retry-After.</summary>
public static class RateLimitRejection
{
    public static async ValueTask WriteAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
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
                Status = StatusCodes.Status429TooManyRequests,
                Title = BookingRateLimits.IsBooking(http)
                    ? "Too many bookings from this account or address; retry after the time in Retry-After."
                    : "Too many requests from this address; retry later.",
                Extensions = { ["code"] = ProblemCodes.RateLimited },
            },
        });
    }
}
