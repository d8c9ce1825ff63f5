using Microsoft.AspNetCore.HttpLogging;

namespace Hospital.Api.Infrastructure.Logging;

public static class RequestLoggingExtensions
{
    /// <summary>
    /// One log line per request with method, path, status and duration only: no headers, query
    /// strings or bodies, because those may carry personal data or tokens.
    /// </summary>
    public static IHostApplicationBuilder AddRequestLogging(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHttpLogging(options =>
        {
            options.LoggingFields = HttpLoggingFields.RequestMethod | HttpLoggingFields.RequestPath
                | HttpLoggingFields.ResponseStatusCode | HttpLoggingFields.Duration;
            options.CombineLogs = true;
        });
        return builder;
    }

    /// <summary>Runs first so that it sees the final status, including error responses.</summary>
    public static IApplicationBuilder UseRequestLogging(this IApplicationBuilder app) => app.UseHttpLogging();
}
