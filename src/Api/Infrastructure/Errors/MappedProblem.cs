using Microsoft.AspNetCore.Mvc;

namespace Hospital.Api.Infrastructure.Errors;

/// <summary>The problem an exception maps to, and how many whole seconds to announce in Retry-After, if any.</summary>
internal sealed record MappedProblem(ProblemDetails Problem, int? RetryAfterSeconds = null)
{
    public int Status => Problem.Status ?? StatusCodes.Status500InternalServerError;
}
