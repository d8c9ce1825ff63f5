using Hospital.Grains.Abstractions.Errors;

namespace Hospital.Api.Apis;

/// <summary>Turns the domain records' own range checks into 400 field errors.</summary>
internal static class AdminValidation
{
    // requestFields: the request's names for parameters it names differently.
    public static T Build<T>(Func<T> create, IReadOnlyDictionary<string, string>? requestFields = null)
    {
        try
        {
            return create();
        }
        catch (ArgumentException e)
        {
            var field = string.IsNullOrEmpty(e.ParamName) ? "request"
                : requestFields?.GetValueOrDefault(e.ParamName) ?? char.ToLowerInvariant(e.ParamName[0]) + e.ParamName[1..];
            throw InputValidationException.For(field, e.Message);
        }
    }
}
