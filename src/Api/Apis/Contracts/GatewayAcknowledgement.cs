namespace Hospital.Api.Apis.Contracts;

/// <summary>
/// The acknowledgement a payment gateway expects once its notification is handled: <c>{"code":"SUCCESS"}</c> stops its
/// retries. A refusal is a problem details answer, whose code is anything but SUCCESS, so the gateway retries it later.
/// </summary>
public sealed record GatewayAcknowledgement(string Code)
{
    public static GatewayAcknowledgement Success { get; } = new("SUCCESS");
}
