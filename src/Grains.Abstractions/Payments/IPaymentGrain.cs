namespace Hospital.Grains.Abstractions.Payments;

/// <summary>
/// One payment order (key: <see cref="PaymentOrderId.For"/> of its appointment). Every call is idempotent and answers only
/// after the change it reports is committed with its audit row.
/// </summary>
[Alias("Hospital.IPaymentGrain")]
public interface IPaymentGrain : IGrainWithStringKey
{
    /// <summary>Opens the order of a live hold at the gateway, or answers the order already opened.</summary>
    [Alias("Open")]
    Task<PaymentOrderView> OpenAsync(string appointmentId);

    /// <summary>Applies what the gateway says (a verified notification); paid books the slot, or refunds when the hold is gone.</summary>
    [Alias("ApplyGatewayResult")]
    Task<PaymentOrderView> ApplyGatewayResultAsync(GatewayPaymentResult result);

    /// <summary>The wake-up: asks the gateway when no notification came in time, closes the order when the hold expired, finishes a settlement.</summary>
    [Alias("Check")]
    Task<PaymentOrderView> CheckAsync();

    [Alias("Get")]
    Task<PaymentOrderView> GetAsync();
}
