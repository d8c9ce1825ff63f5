using Hospital.Grains.Abstractions.Payments;
using Hospital.Grains.Catalog;
using Hospital.Grains.Payments;
using Hospital.Grains.Reconciliation;
using Microsoft.Extensions.Options;

namespace Hospital.Silo.Payments;

/// <summary>
/// A payment gateway that behaves like WeChat Pay / Alipay without moving money: orders live in the gateway's own records
/// (<see cref="SandboxGatewayStore"/>, as a real gateway's live on its side), a person pays, fails or walks away at its cashier
/// page, each outcome (and each refund's) is notified asynchronously through <see cref="SandboxNotifier"/>, and each day has its statement file.
/// Calls are idempotent by order and refund id. The faults of <see cref="SandboxGatewayOptions"/> are injected here. Trade
/// times are our clock's, as the two would agree.
/// </summary>
public sealed class SandboxGateway(
    SandboxGatewayStore records, SandboxNotifier notifier, HospitalClock time, HospitalTime hospitalTime, IOptions<SandboxGatewayOptions> options) : IPaymentGateway
{
    public string Name => "sandbox";

    private SandboxGatewayOptions Options => options.Value;

    public async Task<GatewayOrder> CreateOrderAsync(GatewayOrderRequest request, CancellationToken cancellationToken = default)
    {
        MaybeTimeOut();
        var order = await records.OpenAsync(request, time.GetUtcNow(), cancellationToken);
        var cashier = new Uri(Options.BaseUrl, $"/sandbox/cashier/{Uri.EscapeDataString(order.Id)}").ToString();
        return new GatewayOrder(cashier, $"sandboxpay://pay?order={Uri.EscapeDataString(order.Id)}&amount={order.Amount:0.00}");
    }

    public async Task<GatewayPaymentResult> QueryAsync(string orderId, CancellationToken cancellationToken = default)
    {
        MaybeTimeOut();
        return (await records.FindAsync(orderId, cancellationToken))?.Result() ?? new GatewayPaymentResult(orderId, GatewayPaymentState.NotPaid, null, 0);
    }

    public async Task<GatewayPaymentResult> CloseAsync(string orderId, CancellationToken cancellationToken = default)
    {
        MaybeTimeOut();
        await records.SettleAsync(orderId, GatewayPaymentState.Closed, null, time.GetUtcNow());
        return (await records.FindAsync(orderId, cancellationToken))?.Result() ?? new GatewayPaymentResult(orderId, GatewayPaymentState.Closed, null, 0);
    }

    public async Task RefundAsync(GatewayRefundRequest request, CancellationToken cancellationToken = default)
    {
        MaybeTimeOut();
        var refund = await records.RefundAsync(
            request, () => Random.Shared.NextDouble() < Options.RefundFailureRate ? RefundStatus.Failed : RefundStatus.Succeeded, time.GetUtcNow(), cancellationToken);
        // Asked again after it succeeded: nothing happens, so a refund id is paid out at most once.
        if (refund is not null) notifier.NotifyRefund(refund.Result(request.OrderId), refund.Part);
    }

    public async Task<string> DownloadStatementAsync(DateOnly day, CancellationToken cancellationToken = default)
    {
        MaybeTimeOut();
        var lines = await records.TransactionsAsync(hospitalTime.At(day, TimeOnly.MinValue), hospitalTime.At(day.AddDays(1), TimeOnly.MinValue), cancellationToken);
        return StatementFile.Write(lines, hospitalTime);
    }

    public async Task<GatewayRefundResult> QueryRefundAsync(string orderId, string refundId, CancellationToken cancellationToken = default)
    {
        MaybeTimeOut();
        // A refund the gateway never accepted has failed as far as anyone can tell: submitting it again starts it.
        return (await records.FindAsync(orderId, cancellationToken))?.Refunds.GetValueOrDefault(refundId)?.Result(orderId)
               ?? new GatewayRefundResult(orderId, refundId, RefundStatus.Failed, 0);
    }

    /// <summary>The order a cashier page shows; null when the gateway never opened it.</summary>
    public Task<SandboxOrder?> FindAsync(string orderId, CancellationToken cancellationToken = default) => records.FindAsync(orderId, cancellationToken);

    /// <summary>The person pays at the cashier (declined at <see cref="SandboxGatewayOptions.FailureRate"/>); false when the order cannot be paid any more.</summary>
    public Task<bool> PayAsync(string orderId) =>
        SettleAsync(orderId, Random.Shared.NextDouble() < Options.FailureRate ? GatewayPaymentState.Failed : GatewayPaymentState.Paid);

    /// <summary>The payment fails at the cashier.</summary>
    public Task<bool> FailAsync(string orderId) => SettleAsync(orderId, GatewayPaymentState.Failed);

    private async Task<bool> SettleAsync(string orderId, GatewayPaymentState outcome)
    {
        var tradeNo = outcome == GatewayPaymentState.Paid ? "SBX" + Guid.NewGuid().ToString("N")[..24].ToUpperInvariant() : null;
        if (!await records.SettleAsync(orderId, outcome, tradeNo, time.GetUtcNow())) return false;
        notifier.Notify((await records.FindAsync(orderId))!.Result());
        return true;
    }

    private void MaybeTimeOut()
    {
        if (Random.Shared.NextDouble() < Options.TimeoutRate) throw new TimeoutException("The sandbox gateway did not answer in time (injected).");
    }
}
