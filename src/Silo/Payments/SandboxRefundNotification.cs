using System.Text.Json.Serialization;
using Hospital.Grains.Abstractions.Payments;

namespace Hospital.Silo.Payments;

/// <summary>
/// The body of the sandbox gateway's refund notification: which order and refund (our refund part's id), what happened
/// (SUCCESS or FAILED), the path the money went back by (PooledFund, PersonalAccount or SelfPay) and the amount.
/// </summary>
public sealed record SandboxRefundNotification(
    [property: JsonPropertyName("out_trade_no")] string OrderId,
    [property: JsonPropertyName("out_refund_no")] string RefundId,
    [property: JsonPropertyName("refund_status")] string RefundState,
    [property: JsonPropertyName("refund_part")] string? Part,
    [property: JsonPropertyName("amount")] decimal Amount)
{
    public static SandboxRefundNotification Of(GatewayRefundResult result, PaymentPart part) =>
        new(result.OrderId, result.RefundId, result.State == RefundStatus.Succeeded ? SandboxNotification.Success : SandboxNotification.Failed,
            part.ToString(), result.Amount);

    /// <summary>What the notification says, or null when its status is neither SUCCESS nor FAILED.</summary>
    public GatewayRefundResult? ToResult() => RefundState switch
    {
        SandboxNotification.Success => new GatewayRefundResult(OrderId, RefundId, RefundStatus.Succeeded, Amount),
        SandboxNotification.Failed => new GatewayRefundResult(OrderId, RefundId, RefundStatus.Failed, Amount),
        _ => null,
    };
}
