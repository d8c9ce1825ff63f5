using System.Text.Json.Serialization;

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
}
