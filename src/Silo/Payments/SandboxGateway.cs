using System.Collections.Concurrent;
using Hospital.Grains.Abstractions.Payments;
using Hospital.Grains.Payments;
using Microsoft.Extensions.Options;

namespace Hospital.Silo.Payments;

/// <summary>
/// A payment gateway that behaves like WeChat Pay / Alipay without moving money: orders live in this node's memory (as a
/// real gateway's live on its side), a person pays, fails or walks away at its cashier page, and each outcome is notified
/// asynchronously through <see cref="SandboxNotifier"/>, and so is each refund's outcome. Calls are idempotent by order and refund id. The faults of
/// <see cref="SandboxGatewayOptions"/> are injected here.
/// </summary>
public sealed class SandboxGateway(SandboxNotifier notifier, IOptions<SandboxGatewayOptions> options) : IPaymentGateway
{
    public string Name => "sandbox";

    private readonly ConcurrentDictionary<string, SandboxOrder> _orders = new();

    private SandboxGatewayOptions Options => options.Value;

    public Task<GatewayOrder> CreateOrderAsync(GatewayOrderRequest request, CancellationToken cancellationToken = default)
    {
        MaybeTimeOut();
        var order = _orders.GetOrAdd(request.OrderId, _ => new SandboxOrder(request.OrderId, request.Amount, request.Split, request.Description));
        var cashier = new Uri(Options.BaseUrl, $"/sandbox/cashier/{Uri.EscapeDataString(order.Id)}").ToString();
        return Task.FromResult(new GatewayOrder(cashier, $"sandboxpay://pay?order={Uri.EscapeDataString(order.Id)}&amount={order.Amount:0.00}"));
    }

    public Task<GatewayPaymentResult> QueryAsync(string orderId, CancellationToken cancellationToken = default)
    {
        MaybeTimeOut();
        return Task.FromResult(Find(orderId) is { } order ? order.Result() : new GatewayPaymentResult(orderId, GatewayPaymentState.NotPaid, null, 0));
    }

    public Task<GatewayPaymentResult> CloseAsync(string orderId, CancellationToken cancellationToken = default)
    {
        MaybeTimeOut();
        if (Find(orderId) is not { } order) return Task.FromResult(new GatewayPaymentResult(orderId, GatewayPaymentState.Closed, null, 0));
        lock (order)
        {
            if (order.State == GatewayPaymentState.NotPaid) order.State = GatewayPaymentState.Closed;
            return Task.FromResult(order.Result());
        }
    }

    public Task RefundAsync(GatewayRefundRequest request, CancellationToken cancellationToken = default)
    {
        MaybeTimeOut();
        var order = Find(request.OrderId) ?? throw new InvalidOperationException($"The sandbox gateway has no order {request.OrderId}.");
        SandboxRefund refund;
        lock (order)
        {
            if (order.State != GatewayPaymentState.Paid) throw new InvalidOperationException($"Order {order.Id} was not paid; nothing to refund.");
            refund = order.Refunds.GetOrAdd(request.RefundId, _ => new SandboxRefund(request.RefundId, request.Part, request.Amount));
            if (refund.Amount != request.Amount || refund.Part != request.Part)
                throw new InvalidOperationException($"Refund {request.RefundId} was first asked for another part or amount.");
            var partRefunded = order.Refunds.Values.Where(r => r.Part == request.Part).Sum(r => r.Amount);
            if (partRefunded > order.Split.Of(request.Part))
            {
                order.Refunds.TryRemove(request.RefundId, out _);
                throw new InvalidOperationException($"Refunds of the {request.Part} part of order {order.Id} exceed what it paid.");
            }
            // Asked again: nothing happens unless the last attempt failed, so a refund id is paid out at most once.
            if (refund.State != RefundStatus.Requested && refund.State != RefundStatus.Failed) return Task.CompletedTask;
            refund.Settle(Random.Shared.NextDouble() < Options.RefundFailureRate ? RefundStatus.Failed : RefundStatus.Succeeded);
        }
        notifier.NotifyRefund(refund.Result(order.Id), refund.Part);
        return Task.CompletedTask;
    }

    public Task<GatewayRefundResult> QueryRefundAsync(string orderId, string refundId, CancellationToken cancellationToken = default)
    {
        MaybeTimeOut();
        // A refund the gateway never accepted has failed as far as anyone can tell: submitting it again starts it.
        return Task.FromResult(Find(orderId)?.Refunds.GetValueOrDefault(refundId)?.Result(orderId) ?? new GatewayRefundResult(orderId, refundId, RefundStatus.Failed, 0));
    }

    /// <summary>The order a cashier page shows; null when the gateway never opened it.</summary>
    public SandboxOrder? Find(string orderId) => _orders.TryGetValue(orderId, out var order) ? order : null;

    /// <summary>The person pays at the cashier (declined at <see cref="SandboxGatewayOptions.FailureRate"/>); false when the order cannot be paid any more.</summary>
    public bool Pay(string orderId) =>
        Settle(orderId, Random.Shared.NextDouble() < Options.FailureRate ? GatewayPaymentState.Failed : GatewayPaymentState.Paid);

    /// <summary>The payment fails at the cashier.</summary>
    public bool Fail(string orderId) => Settle(orderId, GatewayPaymentState.Failed);

    private bool Settle(string orderId, GatewayPaymentState outcome)
    {
        if (Find(orderId) is not { } order) return false;
        lock (order)
        {
            if (order.State != GatewayPaymentState.NotPaid) return false;
            order.State = outcome;
            if (outcome == GatewayPaymentState.Paid) order.TradeNo = "SBX" + Guid.NewGuid().ToString("N")[..24].ToUpperInvariant();
        }
        notifier.Notify(order.Result());
        return true;
    }

    private void MaybeTimeOut()
    {
        if (Random.Shared.NextDouble() < Options.TimeoutRate) throw new TimeoutException("The sandbox gateway did not answer in time (injected).");
    }
}

/// <summary>An order on the sandbox gateway's side; changed under its own lock.</summary>
public sealed class SandboxOrder(string id, decimal amount, PaymentSplit split, string description)
{
    public string Id { get; } = id;
    public decimal Amount { get; } = amount;
    public PaymentSplit Split { get; } = split;
    public string Description { get; } = description;
    public GatewayPaymentState State { get; set; } = GatewayPaymentState.NotPaid;
    public string? TradeNo { get; set; }
    public ConcurrentDictionary<string, SandboxRefund> Refunds { get; } = new();

    public GatewayPaymentResult Result() => new(Id, State, TradeNo, Amount);
}
