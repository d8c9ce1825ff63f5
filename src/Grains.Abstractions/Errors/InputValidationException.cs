namespace Hospital.Grains.Abstractions.Errors;

/// <summary>The input is malformed; <see cref="Errors"/> names each bad field (HTTP 400).</summary>
[GenerateSerializer, Alias("Hospital.InputValidationException")]
public sealed class InputValidationException(IReadOnlyDictionary<string, string[]> errors)
    : HospitalException("request.invalid", "One or more fields are invalid.")
{
    [Id(0)]
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    public static InputValidationException For(string field, string error) => new(new Dictionary<string, string[]> { [field] = [error] });
}
