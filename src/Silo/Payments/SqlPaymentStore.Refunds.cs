using System.Data.Common;
using Dapper;
using Hospital.Grains.Abstractions.Payments;
using Hospital.Grains.Payments;
using Hospital.Grains.SlotPools;
using Hospital.Silo.Storage.SlotPools;

namespace Hospital.Silo.Payments;

/// <summary>Refund parts (payment_refund_parts) with their audit rows (payment_refund_events), and the refunds they come from.</summary>
public sealed partial class SqlPaymentStore
{
    private const string RefundPartColumns =
        "id AS Id, refund_id AS RefundId, order_id AS OrderId, part AS Part, amount AS Amount, status AS Status, attempts AS Attempts, " +
        "retry_at AS RetryAt, surfaced_at AS SurfacedAt, last_error AS LastError, created_at AS CreatedAt, updated_at AS UpdatedAt";

    /// <summary>A refunds row (alias r) of an order still paid (alias o) whose parts are not written yet.</summary>
    private const string OwedRefund = "o.status = 'Paid' AND NOT EXISTS (SELECT 1 FROM payment_refund_parts p WHERE p.refund_id = r.id)";

    public Task<IReadOnlyList<RefundRecord>> FindOwedRefundsAsync(string orderId, CancellationToken cancellationToken = default) => Task.Run(async () =>
    {
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<RefundRow>(new CommandDefinition(
            "SELECT r.id AS Id, r.appointment_id AS AppointmentId, r.payment_id AS PaymentId, r.amount AS Amount, r.reason AS Reason, r.created_at AS CreatedAt " +
            $"FROM refunds r JOIN payment_orders o ON o.id = r.payment_id WHERE r.payment_id = @orderId AND {OwedRefund} ORDER BY r.created_at, r.id",
            new { orderId }, cancellationToken: cancellationToken));
        return (IReadOnlyList<RefundRecord>)rows.Select(r => new RefundRecord(r.Id, r.AppointmentId, r.PaymentId, r.Amount, r.Reason, AppointmentRow.FromUtc(r.CreatedAt))).ToList();
    }, cancellationToken);

    public Task<IReadOnlyList<SurfacedRefund>> ListSurfacedRefundsAsync(int take, CancellationToken cancellationToken = default) => Task.Run(async () =>
    {
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<SurfacedRow>(new CommandDefinition(
            "SELECT p.id AS RefundId, p.order_id AS OrderId, o.appointment_id AS AppointmentId, p.part AS Part, p.amount AS Amount, p.attempts AS Attempts, " +
            "p.last_error AS LastError, p.surfaced_at AS SurfacedAt FROM payment_refund_parts p JOIN payment_orders o ON o.id = p.order_id " +
            "WHERE p.status = 'Failed' AND p.surfaced_at IS NOT NULL ORDER BY p.surfaced_at, p.id LIMIT @take",
            new { take }, cancellationToken: cancellationToken));
        return (IReadOnlyList<SurfacedRefund>)rows.Select(r => new SurfacedRefund(r.RefundId, r.OrderId, r.AppointmentId, Enum.Parse<PaymentPart>(r.Part),
            r.Amount, r.Attempts, r.LastError, AppointmentRow.FromUtc(r.SurfacedAt))).ToList();
    }, cancellationToken);

    /// <summary>Writes each refund part an event names (updated, or inserted when new) and the events themselves.</summary>
    private static void WriteRefundChanges(DbConnection connection, PaymentOrder order, IReadOnlyList<RefundEvent> events)
    {
        foreach (var change in events)
        {
            var part = order.Refunds.Single(p => p.Id == change.RefundPartId);
            var row = new
            {
                part.Id, part.RefundId, part.OrderId, Part = part.Part.ToString(), part.Amount, Status = part.Status.ToString(), part.Attempts,
                RetryAt = AppointmentRow.Utc(part.RetryAt), SurfacedAt = AppointmentRow.Utc(part.SurfacedAt), part.LastError, CreatedAt = AppointmentRow.Utc(part.CreatedAt),
                UpdatedAt = AppointmentRow.Utc(part.UpdatedAt),
            };
            var updated = connection.Execute(
                "UPDATE payment_refund_parts SET status = @Status, attempts = @Attempts, retry_at = @RetryAt, surfaced_at = @SurfacedAt, " +
                "last_error = @LastError, updated_at = @UpdatedAt WHERE id = @Id", row);
            if (updated == 0)
                connection.Execute(
                    "INSERT INTO payment_refund_parts (id, refund_id, order_id, part, amount, status, attempts, retry_at, surfaced_at, last_error, created_at, " +
                    "updated_at) VALUES (@Id, @RefundId, @OrderId, @Part, @Amount, @Status, @Attempts, @RetryAt, @SurfacedAt, @LastError, @CreatedAt, @UpdatedAt)", row);
            connection.Execute(
                "INSERT INTO payment_refund_events (refund_part_id, from_status, to_status, actor, reason, at) VALUES (@RefundPartId, @From, @To, @Actor, @Reason, @At)",
                new { change.RefundPartId, From = change.From?.ToString(), To = change.To.ToString(), change.Actor, change.Reason, At = AppointmentRow.Utc(change.At) });
        }
    }

    private sealed class RefundRow
    {
        public string Id { get; set; } = "";
        public string AppointmentId { get; set; } = "";
        public string PaymentId { get; set; } = "";
        public decimal Amount { get; set; }
        public string Reason { get; set; } = "";
        public DateTime CreatedAt { get; set; }
    }

    private sealed class SurfacedRow
    {
        public string RefundId { get; set; } = "";
        public string OrderId { get; set; } = "";
        public string AppointmentId { get; set; } = "";
        public string Part { get; set; } = "";
        public decimal Amount { get; set; }
        public int Attempts { get; set; }
        public string? LastError { get; set; }
        public DateTime SurfacedAt { get; set; }
    }

    private sealed class RefundPartRow
    {
        public string Id { get; set; } = "";
        public string RefundId { get; set; } = "";
        public string OrderId { get; set; } = "";
        public string Part { get; set; } = "";
        public decimal Amount { get; set; }
        public string Status { get; set; } = "";
        public int Attempts { get; set; }
        public DateTime? RetryAt { get; set; }
        public DateTime? SurfacedAt { get; set; }
        public string? LastError { get; set; }
        public DateTime CreatedAt { get; set; }
        public DateTime UpdatedAt { get; set; }

        public RefundPart ToPart() => new(Id, RefundId, OrderId, Enum.Parse<PaymentPart>(Part), Amount, Enum.Parse<RefundStatus>(Status), Attempts,
            RetryAt is { } retry ? AppointmentRow.FromUtc(retry) : null, SurfacedAt is { } surfaced ? AppointmentRow.FromUtc(surfaced) : null, LastError,
            AppointmentRow.FromUtc(CreatedAt), AppointmentRow.FromUtc(UpdatedAt));
    }
}
