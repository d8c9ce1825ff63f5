using Hospital.Api.Infrastructure.Errors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace Hospital.Api.Infrastructure.OpenApi;

/// <summary>Example problem documents (RFC 9457) for the OpenAPI document, shaped as the API writes them.</summary>
public static class ProblemExamples
{
    public const string TraceId = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    public static ProblemDetails StorageUnavailable { get; } = Problem(StatusCodes.Status503ServiceUnavailable, ProblemCodes.StorageUnavailable,
        "The database is unavailable; retry shortly.");

    public static ProblemDetails TooLarge { get; } = Problem(StatusCodes.Status413PayloadTooLarge, ProblemCodes.RequestTooLarge,
        "Content Too Large", "Request bodies are at most 65536 bytes.");

    public static ProblemDetails Unauthenticated { get; } = Problem(StatusCodes.Status401Unauthorized, ProblemCodes.Unauthenticated, "Unauthorized");

    public static ProblemDetails Forbidden { get; } = Problem(StatusCodes.Status403Forbidden, ProblemCodes.Forbidden, "Forbidden");

    public static ProblemDetails RateLimited { get; } = Problem(StatusCodes.Status429TooManyRequests, ProblemCodes.RateLimited,
        "Too many requests from this address; retry later.");

    public static ProblemDetails Invalid { get; } = new HttpValidationProblemDetails(new Dictionary<string, string[]>
    {
        ["sessionId"] = ["sessionId is required."],
    })
    {
        Status = StatusCodes.Status400BadRequest, Title = "One or more fields are invalid.",
        Extensions = { ["code"] = ProblemCodes.RequestInvalid, ["traceId"] = TraceId },
    };

    /// <summary>A problem with <paramref name="code"/>, titled as the API titles problems of its status.</summary>
    public static ProblemDetails For(int status, string code) => status switch
    {
        StatusCodes.Status400BadRequest => Invalid,
        StatusCodes.Status404NotFound => Problem(status, code, "Not found.", $"The {code.Split('.')[0]} does not exist."),
        StatusCodes.Status409Conflict => Problem(status, code, "The request conflicts with a rule."),
        _ => Problem(status, code, ReasonPhrases.GetReasonPhrase(status)),
    };

    public static ProblemDetails Problem(int status, string code, string title, string? detail = null) => new()
    {
        Status = status, Title = title, Detail = detail, Extensions = { ["code"] = code, ["traceId"] = TraceId },
    };
}
