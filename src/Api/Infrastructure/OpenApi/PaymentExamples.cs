using Hospital.Api.Apis.Contracts;
using Hospital.Grains.Abstractions.Payments;
using Hospital.Grains.Payments;
using Hospital.Silo.Payments;

namespace Hospital.Api.Infrastructure.OpenApi;

/// <summary>The examples of the payment calls in the OpenAPI document.</summary>
public static class PaymentExamples
{
    private const string AppointmentId = "D0042-20261124-AM.3f9a1c2b7d4e5f60";
    private const string RefundId = "rf-" + AppointmentId;
    private static readonly string OrderId = PaymentOrderId.For(AppointmentId);
    private static readonly TimeSpan China = TimeSpan.FromHours(8);
    private static readonly DateTimeOffset Opened = new(2026, 11, 23, 7, 0, 5, China);

    public static OpenPaymentRequest OpenWithInsurance { get; } = new(InsuranceType.Employee);

    /// <summary>An expert fee of 50.00 for an employee-insured patient: 20.00 pooled fund, 15.00 personal account, 15.00 self-pay.</summary>
    public static PaymentOrderView PendingOrder { get; } = new(
        OrderId, AppointmentId, 50m, PaymentStatus.Pending,
        $"https://hospital.example/sandbox/cashier/{OrderId}", $"sandboxpay://pay?order={OrderId}&amount=50.00",
        new DateTimeOffset(2026, 11, 23, 7, 15, 2, China), Opened, InsuranceType.Employee, FeeType.Expert, new PaymentSplit(20m, 15m, 15m), []);

    /// <summary>The order after a late cancellation that kept 10.00 (taken from the self-pay part): each part refunded by its own path.</summary>
    public static PaymentOrderView RefundingOrder { get; } = PendingOrder with
    {
        Status = PaymentStatus.Paid, CashierUrl = null, QrPayload = null, UpdatedAt = Opened.AddDays(1),
        Refunds =
        [
            new(RefundPart.IdFor(RefundId, PaymentPart.PooledFund), PaymentPart.PooledFund, 20m, RefundStatus.Succeeded, Opened.AddDays(1)),
            new(RefundPart.IdFor(RefundId, PaymentPart.PersonalAccount), PaymentPart.PersonalAccount, 15m, RefundStatus.Succeeded, Opened.AddDays(1)),
            new(RefundPart.IdFor(RefundId, PaymentPart.SelfPay), PaymentPart.SelfPay, 5m, RefundStatus.Processing, Opened.AddDays(1)),
        ],
    };

    public static SandboxNotification PaidNotification { get; } = new(OrderId, SandboxNotification.Success, "SBX4F1C9A2B7D3E5F60718293A4", 50m);

    public static SandboxRefundNotification RefundSucceededNotification { get; } =
        new(OrderId, RefundPart.IdFor(RefundId, PaymentPart.SelfPay), SandboxNotification.Success, nameof(PaymentPart.SelfPay), 5m);

    public static IReadOnlyList<SurfacedRefund> SurfacedRefunds { get; } =
    [
        new(RefundPart.IdFor(RefundId, PaymentPart.SelfPay), OrderId, AppointmentId, PaymentPart.SelfPay, 5m, 5, "gateway reported the refund failed",
            Opened.AddDays(1).AddMinutes(25)),
    ];
}
