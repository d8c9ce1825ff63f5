using Hospital.Grains.Abstractions.Booking;
using Hospital.Grains.Abstractions.Errors;
using Hospital.Grains.Abstractions.Payments;
using Hospital.Grains.Catalog;
using Hospital.Grains.Notices;
using Hospital.Grains.Notifications;
using Hospital.Grains.SlotPools;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hospital.Grains.Payments;

/// <summary>
/// One payment order and its refunds. Not reentrant: a notification, its duplicate and the wake-up run one after another, so
/// each sees the state the previous one committed, the slot is booked once and a refund part moves once. Every change is
/// written with its audit row before the grain answers. The slot is booked only on the gateway's word (a verified
/// notification or an active query); money that arrives when the hold can no longer be booked goes back by the same path and
/// the patient is told. Wake-ups rest on no timer of the activation: the payment sweep finds the orders due in the database
/// and calls <see cref="CheckAsync"/>.
/// </summary>
public sealed partial class PaymentGrain(
    IPaymentStore store,
    IPaymentGateway gateway,
    IOptions<PaymentOptions> options,
    BookingConfirmations confirmations,
    IOptions<InsurancePolicyOptions> insurancePolicy,
    HospitalClock time,
    ILogger<PaymentGrain> logger) : Grain, IPaymentGrain
{
    private const string SystemActor = "system";

    private PaymentOrder? _order;

    private DateTimeOffset Now => time.GetUtcNow();

    public override async Task OnActivateAsync(CancellationToken cancellationToken) =>
        _order = await store.LoadAsync(this.GetPrimaryKeyString(), cancellationToken);

    public async Task<PaymentOrderView> OpenAsync(string appointmentId, InsuranceType insurance, FeeType feeType)
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
                null, null, null, false, payBefore, Now, Now, 0, insurance, feeType, insurancePolicy.Value.Split(appointment.Fee, insurance, feeType), []);
            // The gateway opens the order while ours is written, as both take a database commit: an order the gateway opened
            // whose record then failed was shown to nobody, so nobody can pay it, and the caller's retry opens the same one.
            var opening = OpenAtGatewayAsync(created);
            try
            {
                await SaveAsync(created, $"order created for the hold ({insurance}, {feeType} fee)");
            }
            catch
            {
                opening.Ignore();
                throw;
            }
            await RecordOpenedAsync(_order!, await opening);
        }
        else if (_order.Status == PaymentStatus.Created) await OpenPendingAsync(_order);
        return _order!.View();
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
                await SettleAsync(order with { Status = PaymentStatus.Paid, TradeNo = result.TradeNo }, "gateway confirmed the payment");
                break;
            // A failure reported after the payment (out of order) changes nothing.
            case GatewayPaymentState.Failed when order.Status is PaymentStatus.Created or PaymentStatus.Pending:
                await SaveAsync(order with { Status = PaymentStatus.Failed }, "gateway reported the payment failed");
                break;
            default:
                await SettleStoredAsync();
                break;
        }
        return _order!.View();
    }

    public async Task<PaymentOrderView> CheckAsync()
    {
        await CheckPaymentAsync();
        await SettleStoredAsync();
        await StartOwedRefundsAsync();
        await AdvanceRefundsAsync();
        return _order!.View();
    }

    public Task<PaymentOrderView> GetAsync() => Task.FromResult(Known().View());

    /// <summary>Opens the order at the gateway if it is not yet, asks after it when no notification came in time, closes it when the hold expired.</summary>
    private async Task CheckPaymentAsync()
    {
        var order = Known();
        if (order.Status == PaymentStatus.Created && order.PayBefore > Now) await OpenPendingAsync(order);
        if (_order!.Status is PaymentStatus.Created or PaymentStatus.Pending && (Now >= _order.CreatedAt + options.Value.QueryAfter || Now >= _order.PayBefore))
        {
            var answer = await gateway.QueryAsync(_order.Id);
            if (answer.State is GatewayPaymentState.Paid or GatewayPaymentState.Failed)
            {
                await ApplyGatewayResultAsync(answer);
                return;
            }
        }
        if (_order.Status is PaymentStatus.Created or PaymentStatus.Pending && Now >= _order.PayBefore)
        {
            // The gateway answers Paid instead of closing when the money got there first; that is settled like a notification.
            var closed = await gateway.CloseAsync(_order.Id);
            if (closed.State == GatewayPaymentState.Paid) await ApplyGatewayResultAsync(closed);
            else await SaveAsync(_order with { Status = PaymentStatus.Closed }, "hold expired unpaid: order closed at the gateway");
        }
    }

    private Task<GatewayOrder> OpenAtGatewayAsync(PaymentOrder order) =>
        gateway.CreateOrderAsync(new GatewayOrderRequest(order.Id, order.Amount, order.Split, $"Registration fee {order.AppointmentId}", order.PayBefore));

    /// <summary>Opens a recorded order at the gateway and records it Pending with where to pay.</summary>
    private async Task OpenPendingAsync(PaymentOrder order) => await RecordOpenedAsync(order, await OpenAtGatewayAsync(order));

    private Task RecordOpenedAsync(PaymentOrder order, GatewayOrder opened) =>
        SaveAsync(order with { Status = PaymentStatus.Pending, CashierUrl = opened.CashierUrl, QrPayload = opened.QrPayload }, "order opened at the gateway");

    /// <summary>
    /// Books the slot of an order the gateway says is paid, and records the payment with the booking and the patient's
    /// confirmation in one write; or refunds it (every part by its own path) when the pool will not book it any more. Nothing
    /// is recorded when the booking fails otherwise: the order stays as it was, the gateway notifies again (and the sweep
    /// asks), and the pool books one payment once, so the retry finds the booking and records it then.
    /// </summary>
    private async Task SettleAsync(PaymentOrder paid, string reason)
    {
        try
        {
            var booked = await PoolOf(paid.AppointmentId).ConfirmPaymentAsync(paid.AppointmentId, paymentRef: paid.Id, BookingActor.Gateway(gateway.Name));
            await SaveAsync(paid with { SlotBooked = true }, $"{reason}; slot booked", await confirmations.ForAsync(booked, Now));
        }
        catch (RuleConflictException refused)
        {
            LogLatePayment(paid.Id, refused.Code);
            var refund = new RefundRecord($"rf-late-{paid.AppointmentId}", paid.AppointmentId, paid.Id, paid.Amount,
                $"paid after the hold could not be booked ({refused.Code}): full refund", Now);
            var (refunded, parts) = WithRefundParts(paid with { Status = PaymentStatus.Refunded, SlotBooked = true }, refund);
            await SaveAsync(refunded, new PaymentChange(OrderEvent(refunded, $"{reason} after the hold could not be booked ({refused.Code}): refunded"), parts,
                new NotificationRecord(paid.PatientId, paid.AppointmentId, NoticeKinds.LatePaymentRefunded, PatientNotices.LatePaymentRefunded(paid.Amount), Now),
                refund));
            await AdvanceRefundsAsync();
        }
    }

    /// <summary>Settles an order recorded as paid before its slot was booked (as orders were written before the two became one write).</summary>
    private Task SettleStoredAsync() =>
        _order is { Status: PaymentStatus.Paid, SlotBooked: false } paid ? SettleAsync(paid, "slot booked for the recorded payment") : Task.CompletedTask;

    private Task SaveAsync(PaymentOrder next, string reason, NotificationRecord? notice = null) =>
        SaveAsync(next, new PaymentChange(OrderEvent(next, reason), [], notice));

    private PaymentEvent OrderEvent(PaymentOrder next, string reason) => new(next.Id, _order?.Status, next.Status, reason, Now);

    private async Task SaveAsync(PaymentOrder next, PaymentChange change)
    {
        var saved = next with { UpdatedAt = Now, Version = next.Version + 1 };
        try
        {
            await store.SaveAsync(saved, change);
        }
        catch
        {
            // The stored order may now differ from ours (a write of unknown outcome, or a duplicate activation's): the next call reloads it.
            DeactivateOnIdle();
            throw;
        }
        _order = saved;
        if (change.Order is { } moved) LogTransition(saved.Id, moved.To, moved.Reason);
        foreach (var refund in change.Refunds) LogRefundTransition(refund.RefundPartId, refund.To, refund.Reason);
    }

    private PaymentOrder Known() =>
        _order ?? throw new NotFoundException("payment.not_found", $"There is no payment order {this.GetPrimaryKeyString()}.");

    private ISlotPoolGrain PoolOf(string appointmentId) =>
        AppointmentKey.TryGetSessionId(appointmentId, out var sessionId)
            ? GrainFactory.Of<ISlotPoolGrain>(sessionId)
            : throw new NotFoundException("appointment.not_found", $"There is no appointment {appointmentId}.");

    // Debug: every transition is stored as the order's event, its audit trail. At Information, three lines per payment
    // contended the console logger's lock at a release: a sixth of the API's CPU while the orders were opened (profile, 2026-12-05).
    [LoggerMessage(Level = LogLevel.Debug, Message = "Payment order {OrderId} is now {Status}: {Reason}")]
    private partial void LogTransition(string orderId, PaymentStatus status, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Payment order {OrderId} was paid after its hold could not be booked ({Code}); refunding")]
    private partial void LogLatePayment(string orderId, string code);
}
