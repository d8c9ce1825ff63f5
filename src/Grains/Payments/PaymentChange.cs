using Hospital.Grains.SlotPools;

namespace Hospital.Grains.Payments;

/// <summary>
/// What one save of an order writes besides the order row: its own audit row (when its status moved), the audit rows of the
/// refund parts that changed (each part is written with its row), the notice to the patient, and a new refunds-table row.
/// </summary>
public sealed record PaymentChange(PaymentEvent? Order, IReadOnlyList<RefundEvent> Refunds, NotificationRecord? Notice = null, RefundRecord? NewRefund = null);
