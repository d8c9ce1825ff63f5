using Hospital.Grains.Abstractions.Payments;
using Hospital.Grains.Reconciliation;

namespace Hospital.Api.Infrastructure.OpenApi;

/// <summary>The examples of the reconciliation calls in the OpenAPI document.</summary>
public static class ReconciliationExamples
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    public static ReconciliationReport Report { get; } = new(
        new DateOnly(2026, 11, 23), 1, "daily", new DateTimeOffset(2026, 11, 24, 2, 0, 4, China),
        [new ReconciliationTotals("sandbox", new StatementTotals(3, 150m, 1, 50m), new StatementTotals(2, 100m, 0, 0m))],
        [
            new ReconciliationDifference(DifferenceKind.PaidAtGatewayOnly, PaymentOrderId.For("D0042-20261124-AM.3f9a1c2b7d4e5f60"),
                "SBX4F1C9A2B7D3E5F60718293A4", 50m, 50m, ReconciliationDifference.Paid, nameof(PaymentStatus.Pending), DifferenceResolution.Refunded,
                "the hold had ended: refunded by the late-payment path and the patient told"),
            new ReconciliationDifference(DifferenceKind.StatusMismatch, PaymentOrderId.For("D0042-20261124-AM.9c0d1e2f3a4b5c6d"),
                "SBX0A1B2C3D4E5F60718293A4B5", 50m, 50m, ReconciliationDifference.Refunded, nameof(PaymentStatus.Paid)),
        ]);

    public static ProvisionalReconciliation Provisional { get; } = new(
        new DateOnly(2026, 11, 24), new DateTimeOffset(2026, 11, 24, 14, 30, 0, China),
        [new ReconciliationTotals("sandbox", new StatementTotals(901, 45050m, 0, 0m), new StatementTotals(900, 45000m, 0, 0m))],
        [
            new ReconciliationDifference(DifferenceKind.PaidAtGatewayOnly, PaymentOrderId.For("D0042-20261125-AM.3f9a1c2b7d4e5f60"),
                "SBX4F1C9A2B7D3E5F60718293A4", 50m, 50m, ReconciliationDifference.Paid, nameof(PaymentStatus.Pending)),
        ],
        []);
}
