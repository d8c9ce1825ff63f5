using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;

namespace Hospital.Api.Infrastructure.Errors;

/// <summary>The one place exceptions become problem details responses (RFC 9457).</summary>
internal sealed partial class ProblemDetailsExceptionHandler(
    ExceptionProblemMapper mapper,
    IProblemDetailsService problemDetails,
    ILogger<ProblemDetailsExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var mapped = mapper.Map(exception);
        // The route pattern, not the raw path: paths may carry identifiers that are nobody's business in a log.
        // The exception handler middleware has already cleared the endpoint from the context; its feature keeps it.
        var endpoint = httpContext.Features.Get<IExceptionHandlerFeature>()?.Endpoint?.DisplayName ?? "no endpoint";
        if (mapped.LogAsError)
        {
            LogUnexpected(logger, exception, endpoint);
        }
        else
        {
            LogMapped(logger, endpoint, mapped.Status, mapped.Problem.Extensions["code"]);
        }

        httpContext.Response.StatusCode = mapped.Status;
        if (mapped.RetryAfterSeconds is { } seconds)
        {
            httpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        }
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = mapped.Problem,
            Exception = exception,
        });
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Error in {Endpoint}")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string endpoint);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Endpoint} answered {StatusCode} {Code}")]
    private static partial void LogMapped(ILogger logger, string endpoint, int statusCode, object? code);
}
