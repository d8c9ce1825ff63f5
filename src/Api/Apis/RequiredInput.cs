using Hospital.Grains.Abstractions.Errors;

namespace Hospital.Api.Apis;

/// <summary>Required text fields of requests: missing or blank is a 400 naming the field; surrounding spaces are dropped.</summary>
internal static class RequiredInput
{
    public static string Text(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? throw InputValidationException.For(field, $"{field} is required.") : value.Trim();
}
