namespace Hospital.Api.Apis.Contracts;

/// <summary>What a payment gateway expects back from a notification: SUCCESS stops its retries, FAIL (with why) makes it retry later.</summary>
public sealed record GatewayAcknowledgement(string Code, string? Message = null)
{
    public static GatewayAcknowledgement Success { get; } = new("SUCCESS");

    public static GatewayAcknowledgement Fail(string message) => new("FAIL", message);
}
