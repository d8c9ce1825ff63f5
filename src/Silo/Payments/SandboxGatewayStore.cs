using Dapper;
using Hospital.Grains.Abstractions.Payments;
using Hospital.Grains.Reconciliation;
using Hospital.Silo.Storage;
using Hospital.Silo.Storage.SlotPools;

namespace Hospital.Silo.Payments;

/// <summary>
/// The sandbox gateway's own records (tables <c>sandbox_gateway_*</c>), apart from our ledger as a real gateway's are: every
/// node sees the same orders, and a past day's statement can be produced after a restart. Each change is one conditional
/// statement, so two nodes settling one order at once settle it once. Calls run on the thread pool because the SQLite driver blocks.
/// </summary>
public sealed class SandboxGatewayStore(IDbConnectionFactory connections)
{
    private const string OrderColumns =
        "o.id AS Id, o.amount AS Amount, o.description AS Description, o.state AS State, o.trade_no AS TradeNo, " +
        "COALESCE((SELECT SUM(r.amount) FROM sandbox_gateway_refunds r WHERE r.order_id = o.id), 0) AS Refunded";

    /// <summary>Opens the order unless it is open already; answers it as stored.</summary>
    public Task<SandboxOrder> OpenAsync(string orderId, decimal amount, string description, DateTimeOffset at, CancellationToken cancellationToken) =>
        Task.Run(async () =>
        {
            await using var connection = await connections.OpenConnectionAsync(cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition(
                $"{connections.Dialect.InsertOrIgnoreInto} sandbox_gateway_orders (id, amount, description, state, created_at) " +
                "VALUES (@orderId, @amount, @description, @state, @at)",
                new { orderId, amount, description, state = nameof(GatewayPaymentState.NotPaid), at = AppointmentRow.Utc(at) }, cancellationToken: cancellationToken));
            return (await FindAsync(orderId, cancellationToken))!;
        }, cancellationToken);

    public Task<SandboxOrder?> FindAsync(string orderId, CancellationToken cancellationToken = default) => Task.Run(async () =>
    {
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        var row = await connection.QueryFirstOrDefaultAsync<OrderRow>(new CommandDefinition(
            $"SELECT {OrderColumns} FROM sandbox_gateway_orders o WHERE o.id = @orderId", new { orderId }, cancellationToken: cancellationToken));
        return row?.ToOrder();
    }, cancellationToken);

    /// <summary>Moves an unpaid order to <paramref name="outcome"/>; false when it was settled or closed already (or never opened).</summary>
    public Task<bool> SettleAsync(string orderId, GatewayPaymentState outcome, string? tradeNo, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        Task.Run(async () =>
        {
            await using var connection = await connections.OpenConnectionAsync(cancellationToken);
            var changed = await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE sandbox_gateway_orders SET state = @outcome, trade_no = @tradeNo, paid_at = @paidAt WHERE id = @orderId AND state = @notPaid",
                new
                {
                    orderId, outcome = outcome.ToString(), tradeNo, notPaid = nameof(GatewayPaymentState.NotPaid),
                    paidAt = outcome == GatewayPaymentState.Paid ? AppointmentRow.Utc(at) : (DateTime?)null,
                }, cancellationToken: cancellationToken));
            return changed == 1;
        }, cancellationToken);

    /// <summary>
    /// Records a refund once per refund id (unique across orders, as a merchant's refund numbers are). The order's row is locked first (a no-op update) so that concurrent refunds of one
    /// order are checked against each other; refunds beyond the amount paid are refused and nothing is written.
    /// </summary>
    public Task RefundAsync(string orderId, string refundId, decimal amount, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        Task.Run(() =>
        {
            using var transaction = CommandTransaction.Begin(connections);
            var connection = transaction.Connection;
            connection.Execute("UPDATE sandbox_gateway_orders SET state = state WHERE id = @orderId", new { orderId });
            var order = connection.QueryFirstOrDefault<OrderRow>($"SELECT {OrderColumns} FROM sandbox_gateway_orders o WHERE o.id = @orderId", new { orderId })?.ToOrder()
                        ?? throw new InvalidOperationException($"The sandbox gateway has no order {orderId}.");
            if (order.State != GatewayPaymentState.Paid) throw new InvalidOperationException($"Order {orderId} was not paid; nothing to refund.");
            var added = connection.Execute(
                $"{connections.Dialect.InsertOrIgnoreInto} sandbox_gateway_refunds (refund_id, order_id, amount, refunded_at) VALUES (@refundId, @orderId, @amount, @at)",
                new { refundId, orderId, amount, at = AppointmentRow.Utc(at) });
            if (added == 1 && order.Refunded + amount > order.Amount) throw new InvalidOperationException($"Refunds of order {orderId} exceed its amount.");
            if (added == 0 && connection.ExecuteScalar<string>("SELECT order_id FROM sandbox_gateway_refunds WHERE refund_id = @refundId", new { refundId }) != orderId)
                throw new InvalidOperationException($"Refund {refundId} belongs to another order.");
            transaction.Commit();
        }, cancellationToken);

    /// <summary>The payments and refunds made in [<paramref name="from"/>, <paramref name="to"/>), oldest first.</summary>
    public Task<IReadOnlyList<StatementLine>> TransactionsAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default) =>
        Task.Run(async () =>
        {
            await using var connection = await connections.OpenConnectionAsync(cancellationToken);
            var range = new { from = AppointmentRow.Utc(from), to = AppointmentRow.Utc(to), paid = nameof(GatewayPaymentState.Paid) };
            var payments = await connection.QueryAsync<TransactionRow>(new CommandDefinition(
                "SELECT paid_at AS At, trade_no AS TradeNo, id AS OrderId, NULL AS RefundId, amount AS Amount FROM sandbox_gateway_orders " +
                "WHERE state = @paid AND paid_at >= @from AND paid_at < @to", range, cancellationToken: cancellationToken));
            var refunds = await connection.QueryAsync<TransactionRow>(new CommandDefinition(
                "SELECT r.refunded_at AS At, o.trade_no AS TradeNo, r.order_id AS OrderId, r.refund_id AS RefundId, r.amount AS Amount " +
                "FROM sandbox_gateway_refunds r LEFT JOIN sandbox_gateway_orders o ON o.id = r.order_id WHERE r.refunded_at >= @from AND r.refunded_at < @to",
                range, cancellationToken: cancellationToken));
            return (IReadOnlyList<StatementLine>)payments.Concat(refunds).Select(r => r.ToLine()).OrderBy(l => l.TradeTime).ThenBy(l => l.OrderId).ToList();
        }, cancellationToken);

    private sealed class OrderRow
    {
        public string Id { get; set; } = "";
        public decimal Amount { get; set; }
        public string Description { get; set; } = "";
        public string State { get; set; } = "";
        public string? TradeNo { get; set; }
        public decimal Refunded { get; set; }

        public SandboxOrder ToOrder() => new(Id, Amount, Description, Enum.Parse<GatewayPaymentState>(State), TradeNo, Refunded);
    }

    private sealed class TransactionRow
    {
        public DateTime At { get; set; }
        public string? TradeNo { get; set; }
        public string OrderId { get; set; } = "";
        public string? RefundId { get; set; }
        public decimal Amount { get; set; }

        public StatementLine ToLine() => new(AppointmentRow.FromUtc(At), TradeNo ?? "", OrderId, RefundId,
            RefundId is null ? TransactionType.Payment : TransactionType.Refund, Amount, StatementLine.Success);
    }
}
