using System.Text.Json.Serialization;
using Hospital.Grains.Abstractions.Payments;

namespace Hospital.Silo.Payments;

/// <summary>The body of the sandbox gateway's notification: which order, what happened (SUCCESS or FAILED), its trade number and amount.</summary>
public sealed record SandboxNotification(
    [property: JsonPropertyName("out_trade_no")] string OrderId,
    [property: JsonPropertyName("trade_state")] string TradeState,
    [property: JsonPropertyName("transaction_id")] string? TradeNo,
    [property: JsonPropertyName("amount")] decimal Amount)
{
    public const string Success = "SUCCESS";
    public const string Failed = "FAILED";

    public static SandboxNotification Of(GatewayPaymentResult result) =>
        new(result.OrderId, result.State == GatewayPaymentState.Paid ? Success : Failed, result.TradeNo, result.Amount);
}
