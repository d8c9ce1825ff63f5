using Hospital.Grains.Abstractions.Payments;
using Hospital.Silo.Payments;

namespace Hospital.Api.Infrastructure.OpenApi;

/// <summary>The examples of the payment calls in the OpenAPI document.</summary>
public static class PaymentExamples
{
    private const string AppointmentId = "D0042-20261124-AM.3f9a1c2b7d4e5f60";
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    public static PaymentOrderView PendingOrder { get; } = new(
        PaymentOrderId.For(AppointmentId), AppointmentId, 50m, PaymentStatus.Pending,
        $"https://hospital.example/sandbox/cashier/{PaymentOrderId.For(AppointmentId)}",
        $"sandboxpay://pay?order={PaymentOrderId.For(AppointmentId)}&amount=50.00",
        new DateTimeOffset(2026, 11, 23, 7, 15, 2, China), new DateTimeOffset(2026, 11, 23, 7, 0, 5, China));

    public static SandboxNotification PaidNotification { get; } = new(PaymentOrderId.For(AppointmentId), SandboxNotification.Success, "SBX4F1C9A2B7D3E5F60718293A4", 50m);
}
