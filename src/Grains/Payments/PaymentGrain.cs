using Hospital.Grains.Abstractions.Booking;
using Hospital.Grains.Abstractions.Errors;
using Hospital.Grains.Abstractions.Payments;
using Hospital.Grains.Catalog;
using Hospital.Grains.Notifications;
using Hospital.Grains.SlotPools;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hospital.Grains.Payments;

/// <summary>
/// One payment order. Not reentrant: a notification, its duplicate and the wake-up run one after another, so each sees the
/// state the previous one committed and the slot is booked once. Every change is written with its audit row before the
/// grain answers. The slot is booked only on the gateway's word (a verified notification or an active query); money that
/// arrives when the hold can no longer be booked goes back by the same path and the patient is told. Wake-ups rest on no
/// timer of the activation: the payment sweep finds the orders due in the database and calls <see cref="CheckAsync"/>.
/// </summary>
public sealed partial class PaymentGrain(
    IPaymentStore store,
    IPaymentGateway gateway,
    IOptions<PaymentOptions> options,
    BookingConfirmations confirmations,
    HospitalClock time,
    ILogger<PaymentGrain> logger) : Grain, IPaymentGrain
{
    private PaymentOrder? _order;

    private DateTimeOffset Now => time.GetUtcNow();

    public override async Task OnActivateAsync(CancellationToken cancellationToken) =>
        _order = await store.LoadAsync(this.GetPrimaryKeyString(), cancellationToken);

    public async Task<PaymentOrderView> OpenAsync(string appointmentId)
    {
        if (PaymentOrderId.For(appointmentId) != this.GetPrimaryKeyString())
            throw new ArgumentException("The order id is derived from the appointment id.", nameof(appointmentId));
        if (_order is null)
        {
            var appointment = await PoolOf(appointmentId).GetAppointmentAsync(appointmentId);
            if (appointment.Status == AppointmentStatus.Expired || (appointment.Status == AppointmentStatus.Held && appointment.ExpiresAt <= Now))
                throw new RuleConflictException("hold.expired", "The 15-minute payment window of this hold has passed; the slot was released.");
            if (appointment.Status != AppointmentStatus.Held || appointment.ExpiresAt is not { } payBefore)
                throw new RuleConflictException("appointment.not_payable", $"An appointment in status {appointment.Status} cannot be paid.");
            var created = new PaymentOrder(this.GetPrimaryKeyString(), appointmentId, appointment.PatientId, appointment.Fee, PaymentStatus.Created,
                null, null, null, false, payBefore, Now, Now, 0);
            await SaveAsync(created, "order created for the hold");
        }
        if (_order!.Status == PaymentStatus.Created) await OpenAtGatewayAsync(_order);
        return _order.View();
    }

    public async Task<PaymentOrderView> ApplyGatewayResultAsync(GatewayPaymentResult result)
    {
        var order = Known();
        if (result.Amount != order.Amount)
            throw new RuleConflictException("payment.amount_mismatch", $"The gateway reports {result.Amount:0.00} for an order of {order.Amount:0.00}.");
        switch (result.State)
        {
            // Money confirmed wins over anything said before: a failed, closed or unnoticed order is settled as paid.
            case GatewayPaymentState.Paid when order.Status is not (PaymentStatus.Paid or PaymentStatus.Refunded):
                await SaveAsync(order with { Status = PaymentStatus.Paid, TradeNo = result.TradeNo }, "gateway confirmed the payment");
                break;
            // A failure reported after the payment (out of order) changes nothing.
            case GatewayPaymentState.Failed when order.Status is PaymentStatus.Created or PaymentStatus.Pending:
                await SaveAsync(order with { Status = PaymentStatus.Failed }, "gateway reported the payment failed");
                break;
        }
        await SettleAsync();
        return _order!.View();
    }

    public async Task<PaymentOrderView> CheckAsync()
    {
        var order = Known();
        if (order.Status == PaymentStatus.Created && order.PayBefore > Now) await OpenAtGatewayAsync(order);
        if (_order!.Status is PaymentStatus.Created or PaymentStatus.Pending && (Now >= _order.CreatedAt + options.Value.QueryAfter || Now >= _order.PayBefore))
        {
            var answer = await gateway.QueryAsync(_order.Id);
            if (answer.State is GatewayPaymentState.Paid or GatewayPaymentState.Failed) return await ApplyGatewayResultAsync(answer);
        }
        if (_order.Status is PaymentStatus.Created or PaymentStatus.Pending && Now >= _order.PayBefore)
        {
            // The gateway answers Paid instead of closing when the money got there first; that is settled like a notification.
            var closed = await gateway.CloseAsync(_order.Id);
            if (closed.State == GatewayPaymentState.Paid) return await ApplyGatewayResultAsync(closed);
            await SaveAsync(_order with { Status = PaymentStatus.Closed }, "hold expired unpaid: order closed at the gateway");
        }
        await SettleAsync();
        return _order.View();
    }

    public Task<PaymentOrderView> GetAsync() => Task.FromResult(Known().View());

    private async Task OpenAtGatewayAsync(PaymentOrder order)
    {
        var opened = await gateway.CreateOrderAsync(new GatewayOrderRequest(order.Id, order.Amount, $"Registration fee {order.AppointmentId}", order.PayBefore));
        await SaveAsync(order with { Status = PaymentStatus.Pending, CashierUrl = opened.CashierUrl, QrPayload = opened.QrPayload }, "order opened at the gateway");
    }

    /// <summary>
    /// Books the slot of a paid order, or refunds it when the pool will not book it any more. The patient's confirmation is
    /// written with the order's "slot booked" row, so it goes out once: a retry after a failed write books nothing new but writes it then.
    /// </summary>
    private async Task SettleAsync()
    {
        var order = _order!;
        if (order.Status == PaymentStatus.Paid && !order.SlotBooked)
        {
            try
            {
                var booked = await PoolOf(order.AppointmentId).ConfirmPaymentAsync(order.AppointmentId, paymentRef: order.Id, BookingActor.Gateway(gateway.Name));
                await SaveAsync(order with { SlotBooked = true }, "slot booked", await confirmations.ForAsync(booked, Now));
            }
            catch (RuleConflictException refused)
            {
                LogLatePayment(order.Id, refused.Code);
                await gateway.RefundAsync(order.Id, refundId: order.Id + ".refund", order.Amount);
                await SaveAsync(order with { Status = PaymentStatus.Refunded, SlotBooked = true }, $"paid after the hold could not be booked ({refused.Code}): refunded",
                    new NotificationRecord(order.PatientId, order.AppointmentId, "payment.refunded",
                        $"Your payment of {order.Amount:0.00} CNY arrived after the appointment hold had ended, so no appointment was booked. " +
                        "The full amount is being refunded to your original payment method.", Now));
            }
        }
    }

    private async Task SaveAsync(PaymentOrder next, string reason, NotificationRecord? notice = null)
    {
        var saved = next with { UpdatedAt = Now, Version = next.Version + 1 };
        try
        {
            await store.SaveAsync(saved, new PaymentEvent(saved.Id, _order?.Status, saved.Status, reason, saved.UpdatedAt), notice);
        }
        catch
        {
            // The stored order may now differ from ours (a write of unknown outcome, or a duplicate activation's): the next call reloads it.
            DeactivateOnIdle();
            throw;
        }
        _order = saved;
        LogTransition(saved.Id, saved.Status, reason);
    }

    private PaymentOrder Known() =>
        _order ?? throw new NotFoundException("payment.not_found", $"There is no payment order {this.GetPrimaryKeyString()}.");

    private ISlotPoolGrain PoolOf(string appointmentId) =>
        AppointmentKey.TryGetSessionId(appointmentId, out var sessionId)
            ? GrainFactory.GetGrain<ISlotPoolGrain>(sessionId)
            : throw new NotFoundException("appointment.not_found", $"There is no appointment {appointmentId}.");

    [LoggerMessage(Level = LogLevel.Information, Message = "Payment order {OrderId} is now {Status}: {Reason}")]
    private partial void LogTransition(string orderId, PaymentStatus status, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Payment order {OrderId} was paid after its hold could not be booked ({Code}); refunding")]
    private partial void LogLatePayment(string orderId, string code);
}
