using Hospital.Grains.Abstractions.Booking;
using Hospital.Grains.Abstractions.Errors;
using Hospital.Grains.Abstractions.Payments;
using Hospital.Grains.SlotPools;
using Microsoft.Extensions.Logging;

namespace Hospital.Grains.Payments;

/// <summary>
/// Refunds, part by part: each part of a refund (pooled fund, personal account, self-pay) goes back by its own path as its own
/// gateway refund, Requested → Processing → Succeeded | Failed. The part's id is the gateway's refund id, so submitting it
/// again (after a crash, or as a retry) never pays it twice. A success is final whatever came before; a failure notice is
/// checked against the gateway's current word first, since it may be a stale copy from an earlier attempt. A failed part is
/// retried by the sweep until its attempts are spent, then it surfaces to admins.
/// </summary>
public sealed partial class PaymentGrain
{
    public async Task<PaymentOrderView> ApplyRefundResultAsync(GatewayRefundResult result)
    {
        var part = RefundPartOf(result.RefundId);
        if (result.Amount != part.Amount)
            throw new RuleConflictException("payment.amount_mismatch", $"The gateway reports a refund of {result.Amount:0.00} for a part of {part.Amount:0.00}.");
        var actor = BookingActor.Gateway(gateway.Name);
        if (result.State == RefundStatus.Succeeded) await ApplyRefundStateAsync(part, RefundStatus.Succeeded, actor);
        else if (result.State == RefundStatus.Failed && part.Status == RefundStatus.Processing)
            await ApplyRefundStateAsync(part, (await gateway.QueryRefundAsync(part.OrderId, part.Id)).State, actor);
        return _order!.View();
    }

    public async Task<PaymentOrderView> RetryRefundAsync(string refundId, string actor, string reason)
    {
        var part = RefundPartOf(refundId);
        if (part.Status != RefundStatus.Failed || part.SurfacedAt is null)
            throw new RuleConflictException("refund.not_surfaced", $"Refund {refundId} is {part.Status} and not waiting for an admin; only a surfaced failure is retried by hand.");
        await SaveRefundAsync(part with { Attempts = 0, SurfacedAt = null, RetryAt = Now }, actor, $"admin retry: {reason}");
        await AdvanceRefundsAsync();
        return _order!.View();
    }

    /// <summary>Starts the refunds that cancellations and doctor stops recorded against this order (in the pool's commit).</summary>
    private async Task StartOwedRefundsAsync()
    {
        if (_order!.Status != PaymentStatus.Paid) return;
        foreach (var owed in await store.FindOwedRefundsAsync(_order.Id))
        {
            var (next, parts) = WithRefundParts(_order, owed);
            await SaveAsync(next, new PaymentChange(null, parts));
        }
    }

    /// <summary>Submits parts not yet accepted and failed parts due a retry; asks the gateway after parts processing too long.</summary>
    private async Task AdvanceRefundsAsync()
    {
        foreach (var part in _order!.Refunds.ToList())
        {
            if (part.Status == RefundStatus.Requested || (part.Status == RefundStatus.Failed && part.SurfacedAt is null && part.RetryAt <= Now))
                await SubmitAsync(part);
            else if (part.Status == RefundStatus.Processing && Now >= part.UpdatedAt + options.Value.QueryAfter)
                await ApplyRefundStateAsync(part, (await gateway.QueryRefundAsync(part.OrderId, part.Id)).State, SystemActor);
        }
    }

    private async Task SubmitAsync(RefundPart part)
    {
        var attempt = part with { Attempts = part.Attempts + 1 };
        try
        {
            await gateway.RefundAsync(new GatewayRefundRequest(part.OrderId, part.Id, part.Part, part.Amount));
        }
        catch (Exception refused) when (refused is TimeoutException or InvalidOperationException or HttpRequestException)
        {
            await SaveRefundAsync(Failed(attempt, $"gateway did not accept it: {refused.GetType().Name}"), SystemActor, FailureReason(attempt));
            return;
        }
        await SaveRefundAsync(attempt with { Status = RefundStatus.Processing, RetryAt = null }, SystemActor,
            $"accepted by the gateway (attempt {attempt.Attempts} of {options.Value.RefundAttempts})");
    }

    /// <summary>Moves a part to what the gateway says: a success from anywhere but success, a failure only from processing.</summary>
    private Task ApplyRefundStateAsync(RefundPart part, RefundStatus state, string actor) => state switch
    {
        RefundStatus.Succeeded when part.Status != RefundStatus.Succeeded =>
            SaveRefundAsync(part with { Status = RefundStatus.Succeeded, RetryAt = null, LastError = null }, actor, $"{part.Part} refunded"),
        RefundStatus.Failed when part.Status == RefundStatus.Processing =>
            SaveRefundAsync(Failed(part, "gateway reported the refund failed"), actor, FailureReason(part)),
        _ => Task.CompletedTask,
    };

    private RefundPart Failed(RefundPart part, string error) =>
        part.Attempts >= options.Value.RefundAttempts
            ? part with { Status = RefundStatus.Failed, RetryAt = null, SurfacedAt = Now, LastError = error }
            : part with { Status = RefundStatus.Failed, RetryAt = Now + options.Value.RefundRetryAfter, LastError = error };

    private string FailureReason(RefundPart part) =>
        part.Attempts >= options.Value.RefundAttempts
            ? $"failed after {part.Attempts} attempts: surfaced to admins"
            : $"failed (attempt {part.Attempts} of {options.Value.RefundAttempts}): retried after {options.Value.RefundRetryAfter}";

    private async Task SaveRefundAsync(RefundPart next, string actor, string reason)
    {
        var before = RefundPartOf(next.Id);
        var saved = next with { UpdatedAt = Now };
        await SaveAsync(_order!.WithRefund(saved), new PaymentChange(null, [new RefundEvent(saved.Id, before.Status, saved.Status, actor, reason, Now)]));
        if (saved.SurfacedAt is not null && before.SurfacedAt is null) LogRefundSurfaced(saved.Id, saved.Attempts);
    }

    /// <summary>The order with the parts of <paramref name="refund"/> added as Requested, and their audit rows.</summary>
    private (PaymentOrder Order, IReadOnlyList<RefundEvent> Events) WithRefundParts(PaymentOrder order, RefundRecord refund)
    {
        var amounts = RefundAllocation.Allocate(order.Split, refund.Amount);
        var events = new List<RefundEvent>();
        foreach (var part in Enum.GetValues<PaymentPart>().Where(p => amounts.Of(p) > 0))
        {
            var id = RefundPart.IdFor(refund.Id, part);
            order = order.WithRefund(new RefundPart(id, refund.Id, order.Id, part, amounts.Of(part), RefundStatus.Requested, 0, null, null, null, Now, Now));
            events.Add(new RefundEvent(id, null, RefundStatus.Requested, SystemActor, refund.Reason, Now));
        }
        return (order, events);
    }

    private RefundPart RefundPartOf(string refundId) =>
        Known().Refunds.FirstOrDefault(r => r.Id == refundId)
        ?? throw new NotFoundException("refund.not_found", $"Payment order {this.GetPrimaryKeyString()} has no refund {refundId}.");

    [LoggerMessage(Level = LogLevel.Information, Message = "Refund {RefundId} is now {Status}: {Reason}")]
    private partial void LogRefundTransition(string refundId, RefundStatus status, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Refund {RefundId} failed after {Attempts} attempts and waits for an admin")]
    private partial void LogRefundSurfaced(string refundId, int attempts);
}
