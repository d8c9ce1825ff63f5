using Hospital.Grains.Abstractions.Errors;
using Hospital.Grains.Rules;

namespace Hospital.Api.Apis;

/// <summary>Turns the domain records' own checks (<see cref="FieldCheck"/>) into 400 field errors that state the limit.</summary>
internal static class AdminValidation
{
    /// <summary>
    /// Builds a record from a request. Every one of <paramref name="checks"/> runs first, each on its own, so a request
    /// with several bad fields hears about all of them at once instead of one per round trip. <paramref name="requestFields"/>
    /// gives the request's names for parameters it names differently.
    /// </summary>
    public static T Build<T>(Func<T> create, IReadOnlyDictionary<string, string>? requestFields = null, params Action[] checks)
    {
        var errors = new Dictionary<string, string[]>();
        foreach (var check in checks) Collect(check, errors, requestFields);
        var built = default(T);
        Collect(() => built = create(), errors, requestFields);
        return errors.Count == 0 ? built! : throw new InputValidationException(errors);
    }

    private static void Collect(Action check, Dictionary<string, string[]> errors, IReadOnlyDictionary<string, string>? requestFields)
    {
        try
        {
            check();
        }
        catch (InvalidFieldException e)
        {
            errors.TryAdd(RequestField(e.ParamName, requestFields), [e.Reason]);
        }
        catch (InputValidationException e)
        {
            foreach (var (field, messages) in e.Errors) errors.TryAdd(field, messages);
        }
    }

    private static string RequestField(string? parameter, IReadOnlyDictionary<string, string>? requestFields) =>
        string.IsNullOrEmpty(parameter) ? "request"
            : requestFields?.GetValueOrDefault(parameter) ?? char.ToLowerInvariant(parameter[0]) + parameter[1..];
}
