namespace Hospital.Grains.Abstractions.Errors;

/// <summary>
/// The input is malformed; <see cref="Errors"/> names each bad field (HTTP 400). The code is <c>request.invalid</c> unless a
/// more precise one helps the client act (e.g. <c>ticket.signature_invalid</c>: scan again or ask at the window).
/// </summary>
[GenerateSerializer, Alias("Hospital.InputValidationException")]
public sealed class InputValidationException(IReadOnlyDictionary<string, string[]> errors, string code = InputValidationException.DefaultCode)
    : HospitalException(code, "One or more fields are invalid.")
{
    public const string DefaultCode = "request.invalid";

    [Id(0)]
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    public static InputValidationException For(string field, string error, string code = DefaultCode) =>
        new(new Dictionary<string, string[]> { [field] = [error] }, code);
}
