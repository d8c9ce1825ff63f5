using Hospital.Grains.Abstractions.Payments;

namespace Hospital.Grains.Payments;

/// <summary>
/// A third-party payment gateway (WeChat Pay / Alipay style). Every call is idempotent by order id (and refund id), as
/// real gateways' are, so a call repeated after a lost answer does no harm.
/// </summary>
public interface IPaymentGateway
{
    /// <summary>The gateway's name in audit rows and payment records (e.g. <c>sandbox</c>).</summary>
    string Name { get; }

    /// <summary>Opens an order the patient can pay until <see cref="GatewayOrderRequest.PayBefore"/>.</summary>
    Task<GatewayOrder> CreateOrderAsync(GatewayOrderRequest request, CancellationToken cancellationToken = default);

    /// <summary>The active query: the gateway's current word on the order.</summary>
    Task<GatewayPaymentResult> QueryAsync(string orderId, CancellationToken cancellationToken = default);

    /// <summary>Closes an unpaid order; answers Paid instead when the money arrived first.</summary>
    Task<GatewayPaymentResult> CloseAsync(string orderId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Starts paying one part back by its own path (insurance parts to the insurance, self-pay to the patient's payment); the
    /// outcome comes later in a refund notification or from <see cref="QueryRefundAsync"/>. Submitting a refund id again does
    /// nothing unless its last attempt failed, when it is tried again.
    /// </summary>
    Task RefundAsync(GatewayRefundRequest request, CancellationToken cancellationToken = default);

    /// <summary>The active query of a refund: the gateway's current word on it.</summary>
    Task<GatewayRefundResult> QueryRefundAsync(string orderId, string refundId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The daily statement file of a hospital day (as WeChat Pay / Alipay give merchants): every payment and refund of the day,
    /// then totals, in the format of <see cref="Reconciliation.StatementFile"/>. For the current day, its transactions so far (the
    /// gateways' intraday transaction query, in the same format).
    /// </summary>
    Task<string> DownloadStatementAsync(DateOnly day, CancellationToken cancellationToken = default);
}

/// <summary>One part of a refund: which order, the refund id (idempotency key), the path it goes back by, and how much.</summary>
public sealed record GatewayRefundRequest(string OrderId, string RefundId, PaymentPart Part, decimal Amount);

/// <summary>What an order is opened with: the whole fee and how insurance and the patient share it.</summary>
public sealed record GatewayOrderRequest(string OrderId, decimal Amount, PaymentSplit Split, string Description, DateTimeOffset PayBefore);

/// <summary>Where the patient pays: a cashier page and the text a QR code is drawn from.</summary>
public sealed record GatewayOrder(string CashierUrl, string QrPayload);
