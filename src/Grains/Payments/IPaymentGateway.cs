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

    /// <summary>Pays the amount back by the order's own path.</summary>
    Task RefundAsync(string orderId, string refundId, decimal amount, CancellationToken cancellationToken = default);

    /// <summary>
    /// The daily statement file of a hospital day (as WeChat Pay / Alipay give merchants): every payment and refund of the day,
    /// then totals, in the format of <see cref="Reconciliation.StatementFile"/>.
    /// </summary>
    Task<string> DownloadStatementAsync(DateOnly day, CancellationToken cancellationToken = default);
}

/// <summary>What an order is opened with.</summary>
public sealed record GatewayOrderRequest(string OrderId, decimal Amount, string Description, DateTimeOffset PayBefore);

/// <summary>Where the patient pays: a cashier page and the text a QR code is drawn from.</summary>
public sealed record GatewayOrder(string CashierUrl, string QrPayload);
