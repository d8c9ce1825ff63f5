using System.Text.Json;
using Microsoft.AspNetCore.Mvc;

namespace Hospital.Api.Infrastructure.Errors;

/// <summary>
/// A request the framework could not bind (400), described in the client's terms. ASP.NET Core's own messages name our C#
/// types and handler parameters ("Failed to read parameter \"SaveTemplateRequest request\""), so they are never passed on.
/// </summary>
internal static class UnreadableRequestProblem
{
    private const string Schema = "see /openapi/v1.json for the expected types";

    public static MappedProblem For(BadHttpRequestException exception) =>
        exception.InnerException is JsonException { Path: { } path } && FieldOf(path) is { } field
            ? new(new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [$"Not a valid value for this field; {Schema}."] })
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "The request is malformed.",
                Detail = $"The JSON body could not be read at '{field}'.",
                Extensions = { ["code"] = ProblemCodes.RequestMalformed },
            })
            : new(new ProblemDetails
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "The request is malformed.",
                Detail = $"The request could not be read: send the JSON body and the route, query and header values the endpoint describes; {Schema}.",
                Extensions = { ["code"] = ProblemCodes.RequestMalformed },
            });

    // "$.specialties[1]" names the request field "specialties[1]"; "$" alone names none.
    private static string? FieldOf(string path) => path.StartsWith("$.", StringComparison.Ordinal) && path.Length > 2 ? path[2..] : null;
}
