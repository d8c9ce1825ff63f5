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
}
