using Hospital.Grains.Abstractions.Errors;

namespace Hospital.Api.Apis;

/// <summary>
/// Rejects enum values that have no name. Binding accepts any number ("9" in a route, 99 in JSON), and an undefined
/// value stored in the catalog would break every later re-plan and even the next start-up.
/// </summary>
internal static class EnumInput
{
    public static T Defined<T>(T value, string field) where T : struct, Enum =>
        Enum.IsDefined(value) ? value : throw InputValidationException.For(field, $"{field} must be one of: {string.Join(", ", Enum.GetNames<T>())}.");

    public static T? Defined<T>(T? value, string field) where T : struct, Enum =>
        value is { } present ? Defined(present, field) : null;
}
