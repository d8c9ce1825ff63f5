using System.Diagnostics;

namespace Hospital.Api.Infrastructure.Logging;

/// <summary>
/// Logs each request at Debug with method, path, status and duration only: no headers, query strings or bodies, because
/// those may carry personal data or tokens.
/// </summary>
public sealed partial class RequestLogMiddleware(RequestDelegate next, ILogger<RequestLogMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!logger.IsEnabled(LogLevel.Debug))
        {
            await next(context);
            return;
        }
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            Answered(logger, context.Request.Method, context.Request.Path, context.Response.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "HTTP {Method} {Path} answered {StatusCode} in {ElapsedMilliseconds:0.0} ms")]
    private static partial void Answered(ILogger logger, string method, PathString path, int statusCode, double elapsedMilliseconds);
}
