using System.Diagnostics;

namespace Hospital.Api.Infrastructure.Errors;

/// <summary>Adds the extensions every problem response carries: <c>code</c> and <c>traceId</c>.</summary>
internal static class ProblemDetailsCustomization
{
    public static void Apply(ProblemDetailsContext context)
    {
        var extensions = context.ProblemDetails.Extensions;
        extensions["traceId"] = Activity.Current?.Id ?? context.HttpContext.TraceIdentifier;
        if (!extensions.ContainsKey("code"))
        {
            extensions["code"] = StatusProblemCodes.For(context.HttpContext, context.ProblemDetails);
        }
    }
}
