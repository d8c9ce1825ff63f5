using Microsoft.AspNetCore.Mvc;

namespace Hospital.Api.Infrastructure.Errors;

/// <summary>
/// The problem an exception maps to, how many whole seconds to announce in Retry-After, if any, and whether operators
/// must see it in the error log (always for a 500).
/// </summary>
internal sealed record MappedProblem(ProblemDetails Problem, int? RetryAfterSeconds = null, bool LogAsError = false)
{
    public int Status => Problem.Status ?? StatusCodes.Status500InternalServerError;
}
