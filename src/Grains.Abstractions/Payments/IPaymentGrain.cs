namespace Hospital.Grains.Abstractions.Payments;

/// <summary>
/// One payment order (key: <see cref="PaymentOrderId.For"/> of its appointment) and its refunds. Every call is idempotent and
/// answers only after the change it reports is committed with its audit row.
/// </summary>
[Alias("Hospital.IPaymentGrain")]
public interface IPaymentGrain : IGrainWithStringKey
{
    /// <summary>
    /// Opens the order of a live hold at the gateway, its fee split by the insurance policy for <paramref name="insurance"/> and
    /// <paramref name="feeType"/>, or answers the order already opened (whose split stays as first opened).
    /// </summary>
    [Alias("Open")]
    Task<PaymentOrderView> OpenAsync(string appointmentId, InsuranceType insurance, FeeType feeType);

    /// <summary>Applies what the gateway says (a verified notification); paid books the slot, or refunds when the hold is gone.</summary>
    [Alias("ApplyGatewayResult")]
    Task<PaymentOrderView> ApplyGatewayResultAsync(GatewayPaymentResult result);

    /// <summary>Applies what the gateway says of one refund part (a verified notification); a success is final, a failure is retried.</summary>
    [Alias("ApplyRefundResult")]
    Task<PaymentOrderView> ApplyRefundResultAsync(GatewayRefundResult result);

    /// <summary>
    /// The wake-up: asks the gateway when no notification came in time, closes the order when the hold expired, finishes a
    /// settlement, starts the refunds owed by cancellations, asks after refunds and retries failed ones.
    /// </summary>
    [Alias("Check")]
    Task<PaymentOrderView> CheckAsync();

    /// <summary>An admin sends a refund part that surfaced after its retries back to the gateway, with a fresh round of retries.</summary>
    [Alias("RetryRefund")]
    Task<PaymentOrderView> RetryRefundAsync(string refundId, string actor, string reason);

    [Alias("Get")]
    Task<PaymentOrderView> GetAsync();
}
