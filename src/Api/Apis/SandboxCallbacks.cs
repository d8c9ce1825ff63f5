using Hospital.Silo.Payments;

namespace Hospital.Api.Apis;

/// <summary>
/// The common part of the sandbox gateway's callbacks: the body, read once, and the refusal as a problem when the signature
/// does not hold (<see cref="SandboxCallbackVerifier"/>). A refusal makes the gateway retry.
/// </summary>
internal static class SandboxCallbacks
{
    public static async Task<(string Body, IResult? Refusal)> ReadVerifiedAsync(HttpRequest http, SandboxCallbackVerifier verifier)
    {
        var body = await new StreamReader(http.Body).ReadToEndAsync(http.HttpContext.RequestAborted);
        var headers = http.Headers;
        return await verifier.RefusalAsync(headers[SandboxSignature.TimestampHeader], headers[SandboxSignature.NonceHeader],
                headers[SandboxSignature.SignatureHeader], body, http.HttpContext.RequestAborted) is { } refusal
            ? (body, Refused(StatusCodes.Status401Unauthorized, "payment.signature_invalid", $"The notification is refused: {refusal}."))
            : (body, null);
    }

    public static IResult Refused(int status, string code, string title) =>
        TypedResults.Problem(title: title, statusCode: status, extensions: new Dictionary<string, object?> { ["code"] = code });
}
