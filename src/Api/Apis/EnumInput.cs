using Hospital.Grains.Rules;

namespace Hospital.Api.Apis;

/// <summary>
/// Rejects enum values that have no name in requests that build no catalog record (whose own checks do it): binding
/// accepts any number ("9" in a route, 99 in JSON).
/// </summary>
internal static class EnumInput
{
    public static T? Defined<T>(T? value, string field) where T : struct, Enum =>
        value is { } present ? AdminValidation.Build(() => FieldCheck.Defined(present, field)) : null;

    /// <summary>A query value that must be one of the enum's names, in any case; numbers and other words are a 400 listing the names.</summary>
    public static T Named<T>(string value, string field) where T : struct, Enum =>
        Enum.GetNames<T>().FirstOrDefault(name => name.Equals(value.Trim(), StringComparison.OrdinalIgnoreCase)) is { } name
            ? Enum.Parse<T>(name)
            : throw Grains.Abstractions.Errors.InputValidationException.For(field, $"{field} is one of: {string.Join(", ", Enum.GetNames<T>())}.");
}
