using Dapper;
using Hospital.Grains.Abstractions.Payments;
using Hospital.Grains.Payments;
using Hospital.Grains.Reconciliation;
using Hospital.Silo.Storage;
using Hospital.Silo.Storage.SlotPools;

namespace Hospital.Silo.Payments;

/// <summary>
/// The sandbox gateway's own records (tables <c>sandbox_gateway_*</c>), apart from our ledger as a real gateway's are: every
/// node sees the same orders, and a past day's statement can be produced after a restart. Each change is one conditional
/// statement, so two nodes settling one order at once settle it once. Opening and settling an order, once per payment, share
/// the node's transactions (<see cref="SharedTransactionWriter"/>); the rest runs on the thread pool because the SQLite driver blocks.
/// </summary>
public sealed class SandboxGatewayStore(IDbConnectionFactory connections, SharedTransactionWriter writes)
{
    private const string OrderColumns =
        "id AS Id, amount AS Amount, pooled_fund_amount AS PooledFund, personal_account_amount AS PersonalAccount, self_pay_amount AS SelfPay, " +
        "description AS Description, state AS State, trade_no AS TradeNo";

    private const string RefundColumns =
        "refund_id AS Id, order_id AS OrderId, part AS Part, amount AS Amount, state AS State, attempts AS Attempts, paid_out AS PaidOut";

    /// <summary>Opens the order unless it is open already; answers it as stored (read back only when it was open before).</summary>
    public async Task<SandboxOrder> OpenAsync(GatewayOrderRequest request, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var opened = await writes.WriteAsync(connection => connection.Execute(
            $"{connections.Dialect.InsertOrIgnoreInto} sandbox_gateway_orders " +
            "(id, amount, pooled_fund_amount, personal_account_amount, self_pay_amount, description, state, created_at) " +
            "VALUES (@OrderId, @Amount, @PooledFund, @PersonalAccount, @SelfPay, @Description, @state, @at)",
            new
            {
                request.OrderId, request.Amount, request.Split.PooledFund, request.Split.PersonalAccount, request.Split.SelfPay, request.Description,
                state = nameof(GatewayPaymentState.NotPaid), at = AppointmentRow.Utc(at),
            }) == 1);
        return opened
            ? new SandboxOrder(request.OrderId, request.Amount, request.Split, request.Description, GatewayPaymentState.NotPaid, null,
                new Dictionary<string, SandboxRefund>())
            : (await FindAsync(request.OrderId, cancellationToken))!;
    }

    public Task<SandboxOrder?> FindAsync(string orderId, CancellationToken cancellationToken = default) => Task.Run(async () =>
    {
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        var row = await connection.QueryFirstOrDefaultAsync<OrderRow>(new CommandDefinition(
            $"SELECT {OrderColumns} FROM sandbox_gateway_orders WHERE id = @orderId", new { orderId }, cancellationToken: cancellationToken));
        if (row is null) return null;
        var refunds = await connection.QueryAsync<RefundRow>(new CommandDefinition(
            $"SELECT {RefundColumns} FROM sandbox_gateway_refunds WHERE order_id = @orderId", new { orderId }, cancellationToken: cancellationToken));
        return row.ToOrder(refunds);
    }, cancellationToken);

    /// <summary>Moves an unpaid order to <paramref name="outcome"/>; false when it was settled or closed already (or never opened).</summary>
    public Task<bool> SettleAsync(string orderId, GatewayPaymentState outcome, string? tradeNo, DateTimeOffset at) =>
        writes.WriteAsync(connection => connection.Execute(
            "UPDATE sandbox_gateway_orders SET state = @outcome, trade_no = @tradeNo, paid_at = @paidAt WHERE id = @orderId AND state = @notPaid",
            new
            {
                orderId, outcome = outcome.ToString(), tradeNo, notPaid = nameof(GatewayPaymentState.NotPaid),
                paidAt = outcome == GatewayPaymentState.Paid ? AppointmentRow.Utc(at) : (DateTime?)null,
            }) == 1);

    /// <summary>
    /// Attempts one part's refund: recorded once per refund id (unique across orders, as a merchant's refund numbers are), then
    /// settled to <paramref name="outcome"/>'s answer unless it succeeded before, so money goes back at most once; null when
    /// nothing was attempted. The order's row is locked first (a no-op update) so that concurrent refunds of one order are
    /// checked against each other; refunds of a part beyond what that part paid are refused and nothing is written.
    /// </summary>
    public Task<SandboxRefund?> RefundAsync(GatewayRefundRequest request, Func<RefundStatus> outcome, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        Task.Run(() =>
        {
            using var transaction = CommandTransaction.Begin(connections);
            var connection = transaction.Connection;
            var (orderId, refundId) = (request.OrderId, request.RefundId);
            connection.Execute("UPDATE sandbox_gateway_orders SET state = state WHERE id = @orderId", new { orderId });
            var order = connection.QueryFirstOrDefault<OrderRow>($"SELECT {OrderColumns} FROM sandbox_gateway_orders WHERE id = @orderId", new { orderId })
                        ?? throw new InvalidOperationException($"The sandbox gateway has no order {orderId}.");
            if (order.State != nameof(GatewayPaymentState.Paid)) throw new InvalidOperationException($"Order {orderId} was not paid; nothing to refund.");
            var refund = connection.QueryFirstOrDefault<RefundRow>($"SELECT {RefundColumns} FROM sandbox_gateway_refunds WHERE refund_id = @refundId", new { refundId });
            if (refund is null)
            {
                var partRefunded = connection.ExecuteScalar<decimal>(
                    "SELECT COALESCE(SUM(amount), 0) FROM sandbox_gateway_refunds WHERE order_id = @orderId AND part = @part", new { orderId, part = request.Part.ToString() });
                if (partRefunded + request.Amount > order.Split.Of(request.Part))
                    throw new InvalidOperationException($"Refunds of the {request.Part} part of order {orderId} exceed what it paid.");
                refund = new RefundRow { Id = refundId, OrderId = orderId, Part = request.Part.ToString(), Amount = request.Amount, State = nameof(RefundStatus.Requested) };
                connection.Execute(
                    "INSERT INTO sandbox_gateway_refunds (refund_id, order_id, part, amount, state, attempts, paid_out, refunded_at) " +
                    "VALUES (@Id, @OrderId, @Part, @Amount, @State, 0, 0, @at)", new { refund.Id, refund.OrderId, refund.Part, refund.Amount, refund.State, at = AppointmentRow.Utc(at) });
            }
            else if (refund.OrderId != orderId || refund.Part != request.Part.ToString() || refund.Amount != request.Amount)
                throw new InvalidOperationException($"Refund {refundId} was first asked for another order, part or amount.");
            else if (refund.State == nameof(RefundStatus.Succeeded))
                return null;

            var settled = refund.Settled(outcome());
            connection.Execute(
                "UPDATE sandbox_gateway_refunds SET state = @State, attempts = @Attempts, paid_out = @PaidOut, refunded_at = @at WHERE refund_id = @Id",
                new { settled.State, settled.Attempts, settled.PaidOut, settled.Id, at = AppointmentRow.Utc(at) });
            transaction.Commit();
            return settled.ToRefund();
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
                "FROM sandbox_gateway_refunds r LEFT JOIN sandbox_gateway_orders o ON o.id = r.order_id " +
                "WHERE r.state = @succeeded AND r.refunded_at >= @from AND r.refunded_at < @to",
                new { range.from, range.to, succeeded = nameof(RefundStatus.Succeeded) }, cancellationToken: cancellationToken));
            return (IReadOnlyList<StatementLine>)payments.Concat(refunds).Select(r => r.ToLine()).OrderBy(l => l.TradeTime).ThenBy(l => l.OrderId).ToList();
        }, cancellationToken);

    private sealed class OrderRow
    {
        public string Id { get; set; } = "";
        public decimal Amount { get; set; }
        public decimal PooledFund { get; set; }
        public decimal PersonalAccount { get; set; }
        public decimal SelfPay { get; set; }
        public string Description { get; set; } = "";
        public string State { get; set; } = "";
        public string? TradeNo { get; set; }

        public PaymentSplit Split => new(PooledFund, PersonalAccount, SelfPay);

        public SandboxOrder ToOrder(IEnumerable<RefundRow> refunds) => new(
            Id, Amount, Split, Description, Enum.Parse<GatewayPaymentState>(State), TradeNo, refunds.Select(r => r.ToRefund()).ToDictionary(r => r.Id));
    }

    private sealed class RefundRow
    {
        public string Id { get; set; } = "";
        public string OrderId { get; set; } = "";
        public string Part { get; set; } = "";
        public decimal Amount { get; set; }
        public string State { get; set; } = "";
        public int Attempts { get; set; }
        public int PaidOut { get; set; }

        public RefundRow Settled(RefundStatus outcome) => new()
        {
            Id = Id, OrderId = OrderId, Part = Part, Amount = Amount, State = outcome.ToString(), Attempts = Attempts + 1,
            PaidOut = PaidOut + (outcome == RefundStatus.Succeeded ? 1 : 0),
        };

        public SandboxRefund ToRefund() => new(Id, Enum.Parse<PaymentPart>(Part), Amount, Enum.Parse<RefundStatus>(State), Attempts, PaidOut);
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
