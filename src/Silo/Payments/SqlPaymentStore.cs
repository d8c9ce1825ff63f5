using Dapper;
using Hospital.Grains.Abstractions.Payments;
using Hospital.Grains.Payments;
using Hospital.Silo.Storage;
using Hospital.Silo.Storage.SlotPools;

namespace Hospital.Silo.Payments;

/// <summary>
/// Payment orders and their refund parts on either database. Reads run on the thread pool because the SQLite driver blocks;
/// writes share the node's transactions with other callers' (<see cref="SharedTransactionWriter"/>), as a release burst makes
/// several per paid booking.
/// </summary>
public sealed partial class SqlPaymentStore(IDbConnectionFactory connections, SharedTransactionWriter writes) : IPaymentStore
{
    private const string OrderColumns =
        "id AS Id, appointment_id AS AppointmentId, patient_id AS PatientId, amount AS Amount, status AS Status, trade_no AS TradeNo, " +
        "cashier_url AS CashierUrl, qr_payload AS QrPayload, slot_booked AS SlotBooked, pay_before AS PayBefore, created_at AS CreatedAt, " +
        "updated_at AS UpdatedAt, version AS Version, insurance_type AS InsuranceType, fee_type AS FeeType, pooled_fund_amount AS PooledFund, " +
        "personal_account_amount AS PersonalAccount, self_pay_amount AS SelfPay";

    public Task<PaymentOrder?> LoadAsync(string orderId, CancellationToken cancellationToken = default) => Task.Run(async () =>
    {
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        var row = await connection.QueryFirstOrDefaultAsync<OrderRow>(new CommandDefinition(
            $"SELECT {OrderColumns} FROM payment_orders WHERE id = @orderId", new { orderId }, cancellationToken: cancellationToken));
        if (row is null) return null;
        var parts = await connection.QueryAsync<RefundPartRow>(new CommandDefinition(
            $"SELECT {RefundPartColumns} FROM payment_refund_parts WHERE order_id = @orderId ORDER BY created_at, id", new { orderId },
            cancellationToken: cancellationToken));
        return row.ToOrder(parts.Select(p => p.ToPart()).ToList());
    }, cancellationToken);

    public Task SaveAsync(PaymentOrder order, PaymentChange change, CancellationToken cancellationToken = default) => writes.WriteAsync(connection =>
    {
        var row = new
        {
            order.Id, order.AppointmentId, order.PatientId, order.Amount, Status = order.Status.ToString(), order.TradeNo, order.CashierUrl,
            order.QrPayload, order.SlotBooked, PayBefore = AppointmentRow.Utc(order.PayBefore), CreatedAt = AppointmentRow.Utc(order.CreatedAt),
            UpdatedAt = AppointmentRow.Utc(order.UpdatedAt), order.Version, Previous = order.Version - 1, InsuranceType = order.InsuranceType.ToString(),
            FeeType = order.FeeType.ToString(), order.Split.PooledFund, order.Split.PersonalAccount, order.Split.SelfPay,
        };
        var written = order.Version == 1
            ? connection.Execute(
                "INSERT INTO payment_orders (id, appointment_id, patient_id, amount, status, trade_no, cashier_url, qr_payload, slot_booked, pay_before, " +
                "created_at, updated_at, version, insurance_type, fee_type, pooled_fund_amount, personal_account_amount, self_pay_amount) VALUES (@Id, " +
                "@AppointmentId, @PatientId, @Amount, @Status, @TradeNo, @CashierUrl, @QrPayload, @SlotBooked, @PayBefore, @CreatedAt, @UpdatedAt, " +
                "@Version, @InsuranceType, @FeeType, @PooledFund, @PersonalAccount, @SelfPay)", row)
            : connection.Execute(
                "UPDATE payment_orders SET status = @Status, trade_no = @TradeNo, cashier_url = @CashierUrl, qr_payload = @QrPayload, " +
                "slot_booked = @SlotBooked, updated_at = @UpdatedAt, version = @Version WHERE id = @Id AND version = @Previous", row);
        if (written != 1) throw new InvalidOperationException($"Payment order {order.Id} changed elsewhere (expected version {order.Version - 1}).");
        if (change.Order is { } moved)
            connection.Execute("INSERT INTO payment_events (order_id, from_status, to_status, reason, at) VALUES (@OrderId, @From, @To, @Reason, @At)",
                new { moved.OrderId, From = moved.From?.ToString(), To = moved.To.ToString(), moved.Reason, At = AppointmentRow.Utc(moved.At) });
        if (change.NewRefund is { } refund)
            connection.Execute("INSERT INTO refunds (id, appointment_id, payment_id, amount, reason, created_at) VALUES (@Id, @AppointmentId, @PaymentId, @Amount, @Reason, @CreatedAt)",
                new { refund.Id, refund.AppointmentId, refund.PaymentId, refund.Amount, refund.Reason, CreatedAt = AppointmentRow.Utc(refund.CreatedAt) });
        WriteRefundChanges(connection, order, change.Refunds);
        if (change.Notice is { } notice)
            connection.Execute("INSERT INTO notifications (patient_id, appointment_id, kind, message, created_at) VALUES (@PatientId, @AppointmentId, @Kind, @Message, @CreatedAt)",
                new { notice.PatientId, notice.AppointmentId, notice.Kind, notice.Message, CreatedAt = AppointmentRow.Utc(notice.CreatedAt) });
    });

    public Task<IReadOnlyList<string>> FindDueAsync(DateTimeOffset queryBefore, DateTimeOffset now, CancellationToken cancellationToken = default) => Task.Run(async () =>
    {
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        var ids = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT id FROM payment_orders WHERE (status IN ('Created', 'Pending') AND (created_at <= @queryBefore OR pay_before <= @now)) " +
            "OR (status = 'Paid' AND slot_booked = 0) " +
            $"UNION SELECT r.payment_id FROM refunds r JOIN payment_orders o ON o.id = r.payment_id WHERE {OwedRefund} " +
            "UNION SELECT order_id FROM payment_refund_parts WHERE status = 'Requested' OR (status = 'Processing' AND updated_at <= @queryBefore) " +
            "OR (status = 'Failed' AND surfaced_at IS NULL AND retry_at <= @now)",
            new { queryBefore = AppointmentRow.Utc(queryBefore), now = AppointmentRow.Utc(now) }, cancellationToken: cancellationToken));
        return (IReadOnlyList<string>)ids.AsList();
    }, cancellationToken);

    public Task<bool> TryUseNonceAsync(string nonce, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        writes.WriteAsync(connection => connection.Execute(
            $"{connections.Dialect.InsertOrIgnoreInto} payment_callback_nonces (nonce, seen_at) VALUES (@nonce, @at)", new { nonce, at = AppointmentRow.Utc(at) }) == 1);

    /// <summary>
    /// In a statement of its own, not in the shared transactions: a range delete's gap locks, taken by two of them at once,
    /// could deadlock both on MySQL.
    /// </summary>
    public Task ForgetNoncesAsync(DateTimeOffset before, CancellationToken cancellationToken = default) => Task.Run(async () =>
    {
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM payment_callback_nonces WHERE seen_at < @before",
            new { before = AppointmentRow.Utc(before) }, cancellationToken: cancellationToken));
    }, cancellationToken);

    private sealed class OrderRow
    {
        public string Id { get; set; } = "";
        public string AppointmentId { get; set; } = "";
        public string PatientId { get; set; } = "";
        public decimal Amount { get; set; }
        public string Status { get; set; } = "";
        public string? TradeNo { get; set; }
        public string? CashierUrl { get; set; }
        public string? QrPayload { get; set; }
        public bool SlotBooked { get; set; }
        public DateTime PayBefore { get; set; }
        public DateTime CreatedAt { get; set; }
        public DateTime UpdatedAt { get; set; }
        public int Version { get; set; }
        public string InsuranceType { get; set; } = "";
        public string FeeType { get; set; } = "";
        public decimal PooledFund { get; set; }
        public decimal PersonalAccount { get; set; }
        public decimal SelfPay { get; set; }

        public PaymentOrder ToOrder(IReadOnlyList<RefundPart> refunds) => new(Id, AppointmentId, PatientId, Amount, Enum.Parse<PaymentStatus>(Status),
            TradeNo, CashierUrl, QrPayload, SlotBooked, AppointmentRow.FromUtc(PayBefore), AppointmentRow.FromUtc(CreatedAt), AppointmentRow.FromUtc(UpdatedAt),
            Version, Enum.Parse<InsuranceType>(InsuranceType), Enum.Parse<FeeType>(FeeType), new PaymentSplit(PooledFund, PersonalAccount, SelfPay), refunds);
    }
}
