using Microsoft.AspNetCore.Mvc;

namespace Hospital.Api.Infrastructure.Errors;

/// <summary>
/// The <c>code</c> of a problem that was produced from a bare status code (status code pages, framework
/// results) rather than from a mapped exception, so every problem response carries one.
/// </summary>
internal static class StatusProblemCodes
{
    public static string For(HttpContext httpContext, ProblemDetails problem) => problem.Status switch
    {
        400 => problem is HttpValidationProblemDetails ? ProblemCodes.RequestInvalid : ProblemCodes.RequestMalformed,
        401 => ProblemCodes.Unauthenticated,
        403 => ProblemCodes.Forbidden,
        // No endpoint means routing matched nothing; otherwise a handler reported a missing resource.
        404 => httpContext.GetEndpoint() is null ? ProblemCodes.RouteNotFound : ProblemCodes.ResourceNotFound,
        405 => ProblemCodes.MethodNotAllowed,
        429 => ProblemCodes.RateLimited,
        503 => ProblemCodes.Unavailable,
        >= 500 => ProblemCodes.ServerError,
        var status => $"http.{status}",
    };
}
