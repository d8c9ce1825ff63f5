namespace Hospital.Api.Infrastructure.Logging;

public static class RequestLoggingExtensions
{
    /// <summary>
    /// One Debug line per request (<see cref="RequestLogMiddleware"/>). Runs first so that it sees the final status, including
    /// error responses. Debug, because at the release peak a line per request would drown the lines that matter; Development
    /// turns the category on (appsettings.Development.json).
    /// </summary>
    public static IApplicationBuilder UseRequestLogging(this IApplicationBuilder app) => app.UseMiddleware<RequestLogMiddleware>();
}
