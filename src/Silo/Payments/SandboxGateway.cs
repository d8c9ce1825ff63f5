using System.Collections.Concurrent;
using Hospital.Grains.Abstractions.Payments;
using Hospital.Grains.Payments;
using Microsoft.Extensions.Options;

namespace Hospital.Silo.Payments;

/// <summary>
/// A payment gateway that behaves like WeChat Pay / Alipay without moving money: orders live in this node's memory (as a
/// real gateway's live on its side), a person pays, fails or walks away at its cashier page, and each outcome is notified
/// asynchronously through <see cref="SandboxNotifier"/>. Calls are idempotent by order and refund id. The faults of
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
        var order = _orders.GetOrAdd(request.OrderId, _ => new SandboxOrder(request.OrderId, request.Amount, request.Description));
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

    public Task RefundAsync(string orderId, string refundId, decimal amount, CancellationToken cancellationToken = default)
    {
        MaybeTimeOut();
        var order = Find(orderId) ?? throw new InvalidOperationException($"The sandbox gateway has no order {orderId}.");
        lock (order)
        {
            if (order.State != GatewayPaymentState.Paid) throw new InvalidOperationException($"Order {orderId} was not paid; nothing to refund.");
            order.Refunds.TryAdd(refundId, amount);
            if (order.Refunds.Values.Sum() > order.Amount) throw new InvalidOperationException($"Refunds of order {orderId} exceed its amount.");
        }
        return Task.CompletedTask;
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
public sealed class SandboxOrder(string id, decimal amount, string description)
{
    public string Id { get; } = id;
    public decimal Amount { get; } = amount;
    public string Description { get; } = description;
    public GatewayPaymentState State { get; set; } = GatewayPaymentState.NotPaid;
    public string? TradeNo { get; set; }
    public ConcurrentDictionary<string, decimal> Refunds { get; } = new();

    public GatewayPaymentResult Result() => new(Id, State, TradeNo, Amount);
}
