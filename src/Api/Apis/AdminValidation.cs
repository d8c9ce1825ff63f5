using Hospital.Grains.Abstractions.Errors;
using Hospital.Grains.Rules;

namespace Hospital.Api.Apis;

/// <summary>Turns the domain records' own checks (<see cref="FieldCheck"/>) into 400 field errors that state the limit.</summary>
internal static class AdminValidation
{
    // requestFields: the request's names for parameters it names differently.
    public static T Build<T>(Func<T> create, IReadOnlyDictionary<string, string>? requestFields = null)
    {
        try
        {
            return create();
        }
        catch (InvalidFieldException e)
        {
            var field = string.IsNullOrEmpty(e.ParamName) ? "request"
                : requestFields?.GetValueOrDefault(e.ParamName) ?? char.ToLowerInvariant(e.ParamName[0]) + e.ParamName[1..];
            throw InputValidationException.For(field, e.Reason);
        }
    }
}
