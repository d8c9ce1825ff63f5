using Microsoft.AspNetCore.Mvc;

namespace Hospital.Api.Infrastructure.Errors;

/// <summary>
/// The <c>code</c> of a problem that was produced from a bare status code (status code pages, framework
/// results, request errors) rather than from one of our exceptions, so every problem response carries one.
/// </summary>
internal static class StatusProblemCodes
{
    public static string For(HttpContext httpContext, ProblemDetails problem) => problem.Status switch
    {
        StatusCodes.Status400BadRequest when problem is HttpValidationProblemDetails => ProblemCodes.RequestInvalid,
        // No endpoint means routing matched nothing; otherwise a handler reported a missing resource.
        StatusCodes.Status404NotFound when httpContext.GetEndpoint() is null => ProblemCodes.RouteNotFound,
        var status => ForStatus(status ?? StatusCodes.Status500InternalServerError),
    };

    public static string ForStatus(int status) => status switch
    {
        StatusCodes.Status400BadRequest => ProblemCodes.RequestMalformed,
        StatusCodes.Status401Unauthorized => ProblemCodes.Unauthenticated,
        StatusCodes.Status403Forbidden => ProblemCodes.Forbidden,
        StatusCodes.Status404NotFound => ProblemCodes.ResourceNotFound,
        StatusCodes.Status405MethodNotAllowed => ProblemCodes.MethodNotAllowed,
        StatusCodes.Status413PayloadTooLarge => ProblemCodes.RequestTooLarge,
        StatusCodes.Status415UnsupportedMediaType => ProblemCodes.UnsupportedMediaType,
        StatusCodes.Status429TooManyRequests => ProblemCodes.RateLimited,
        StatusCodes.Status503ServiceUnavailable => ProblemCodes.Unavailable,
        >= StatusCodes.Status500InternalServerError => ProblemCodes.ServerError,
        _ => $"http.{status}",
    };
}
