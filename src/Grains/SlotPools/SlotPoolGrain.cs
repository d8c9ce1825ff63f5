using Hospital.Grains.Abstractions.Booking;
using Hospital.Grains.Abstractions.Errors;
using Hospital.Grains.Abstractions.Queues;
using Hospital.Grains.Abstractions.Waitlists;
using Hospital.Grains.Catalog;
using Hospital.Grains.Rules;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace Hospital.Grains.SlotPools;

/// <summary>
/// One activation per session. Reentrant on purpose: while a batch is being written, the calls that arrive
/// are decided in memory and join the next batch (<see cref="GroupCommit"/>). Turns never run in parallel,
/// so the pool needs no locks. Decisions go through the group commit; reads answer from the committed pool only, so no
/// answer rests on a decision that a failed write may still undo.
/// </summary>
[Reentrant]
public sealed partial class SlotPoolGrain(
    ISlotPoolStore store,
    IAvailabilityPublisher availability,
    AppointmentMetrics metrics,
    IOptions<BookingRulesOptions> bookingRules,
    IOptions<CancellationRulesOptions> cancellationRules,
    IOptions<CheckInRulesOptions> checkInRules,
    HospitalTime hospitalTime,
    IOptions<SlotPoolOptions> options,
    HospitalClock time,
    ILogger<SlotPoolGrain> logger) : Grain, ISlotPoolGrain
{
    private GroupCommit _commits = null!;

    private DateTimeOffset Now => time.GetUtcNow();

    private SlotPool CommittedPool => _commits.Committed;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _commits = new GroupCommit(await LoadAsync(), batch => store.CommitAsync(batch), LoadAsync, Committed);
        var period = options.Value.ExpiryCheckPeriod;
        // Interleaving, like every call here: a tick that waits for its commit must not hold the pool's other calls back.
        this.RegisterGrainTimer(_ => ExpireDueHoldsAsync(), new GrainTimerCreationOptions(period, period) { Interleave = true });
    }

    public Task<HoldResult> HoldSlotAsync(HoldRequest request) => _commits.SubmitAsync(pool =>
    {
        var decision = pool.Hold(request, Now, bookingRules.Value.HoldDuration);
        // Sold out in the committed pool too: whether the writes in flight commit or fail, no slot of this channel is free for
        // the request, so the answer need not wait for them. At a release, the patients told "sold out" waited for the
        // other patients' holds and payments being written.
        return decision.Result.Outcome == HoldOutcome.SoldOut && !CommittedPool.HasFreeSlot(request.Channel, Now)
            ? decision.TrueOfCommitted()
            : decision;
    });

    public async Task<AppointmentView> ConfirmPaymentAsync(string appointmentId, string paymentRef, string actor)
    {
        await KnowAsync(appointmentId);
        return await _commits.SubmitAsync(pool => pool.ConfirmPayment(appointmentId, paymentRef, actor, Now));
    }

    public async Task<RefundQuote> QuoteRefundAsync(string appointmentId)
    {
        await KnowAsync(appointmentId);
        return CommittedPool.QuoteRefund(appointmentId, Now, cancellationRules.Value);
    }

    public async Task<AppointmentView> CancelAsync(string appointmentId, string actor, string reason)
    {
        await KnowAsync(appointmentId);
        return await _commits.SubmitAsync(pool => pool.Cancel(appointmentId, actor, reason, Now, cancellationRules.Value));
    }

    public async Task<AppointmentView> ReleaseRescheduledAsync(string appointmentId, string replacementId, string actor)
    {
        await KnowAsync(appointmentId);
        return await _commits.SubmitAsync(pool => pool.ReleaseRescheduled(appointmentId, replacementId, actor, Now));
    }

    public async Task<RescheduleSource> GetRescheduleSourceAsync(string appointmentId)
    {
        await KnowAsync(appointmentId);
        return CommittedPool.RescheduleSourceOf(appointmentId);
    }

    public Task<AppointmentView> RollBackRescheduleAsync(string appointmentId, string actor, string reason) =>
        _commits.SubmitAsync(pool => pool.RollBackReschedule(appointmentId, actor, reason, Now));

    public async Task<int> StopSessionAsync(string actor, string reason)
    {
        var cancelled = await _commits.SubmitAsync(pool => pool.Stop(actor, reason, Now));
        LogSessionStopped(this.GetPrimaryKeyString(), cancelled);
        return cancelled;
    }

    public async Task<AppointmentView> CheckInAsync(string appointmentId, string actor)
    {
        await KnowAsync(appointmentId);
        return await _commits.SubmitAsync(pool => pool.CheckIn(appointmentId, actor, Now, hospitalTime.DateOf(Now), checkInRules.Value));
    }

    public async Task<AppointmentView> AdvanceVisitAsync(string appointmentId, AppointmentStatus to, string actor, string reason)
    {
        await KnowAsync(appointmentId);
        return await _commits.SubmitAsync(pool => pool.AdvanceVisit(appointmentId, to, actor, reason, Now));
    }

    public Task<int> MarkNoShowsAsync() => _commits.SubmitAsync(pool => pool.MarkNoShows(Now, checkInRules.Value));

    public Task<WaitlistEntryView> JoinWaitlistAsync(WaitlistJoin join) => _commits.SubmitAsync(pool => pool.JoinWaitlist(join, Now));

    public Task<WaitlistEntryView> LeaveWaitlistAsync(string patientId) => _commits.SubmitAsync(pool => pool.LeaveWaitlist(patientId, Now));

    public Task<WaitlistEntryView> GetWaitlistPlaceAsync(string patientId) => Task.FromResult(CommittedPool.WaitlistPlace(patientId));

    public Task<WaitlistEntryView> DeclineOfferAsync(string entryId, string reason) =>
        _commits.SubmitAsync(pool => pool.DeclineOffer(entryId, reason, Now));

    public Task<IReadOnlyList<VisitRow>> GetVisitRowsAsync() => Task.FromResult(CommittedPool.VisitRows());

    public Task<int> ExpireDueHoldsAsync() => _commits.SubmitAsync(pool => pool.ExpireDueHolds(Now));

    public Task<SessionAvailability> GetAvailabilityAsync() => Task.FromResult(CommittedPool.Availability(Now));

    public Task<IReadOnlyList<SlotView>> GetSlotsAsync() => Task.FromResult(CommittedPool.Slots(Now));

    public async Task<AppointmentView> GetAppointmentAsync(string appointmentId)
    {
        await KnowAsync(appointmentId);
        return CommittedPool.View(CommittedPool.Get(appointmentId));
    }

    /// <summary>
    /// An appointment the committed pool lacks may be in a batch still being written, or may have been created by another
    /// node's activation of the same session: reload once, after the writes in flight, before answering "not found". Appointment ids name their session, so only ids of this session get here.
    /// </summary>
    private Task KnowAsync(string appointmentId) => CommittedPool.Find(appointmentId) is null ? _commits.RefreshAsync() : Task.CompletedTask;

    private async Task<SlotPool> LoadAsync()
    {
        var pool = await store.LoadAsync(this.GetPrimaryKeyString())
            ?? throw new NotFoundException("session.not_found", $"Session {this.GetPrimaryKeyString()} does not exist.");
        pool.OfferHoldDuration = bookingRules.Value.HoldDuration;
        return pool;
    }

    private void Committed(PoolBatch batch)
    {
        LogBatchCommitted(batch.SessionId, batch.NewVersion, batch.Inserts.Count, batch.Updates.Count);
        metrics.Committed(batch);
        availability.Publish(CommittedPool.Availability(Now));
        TellOffers(batch);
    }

    /// <summary>Each offer the batch committed goes to its patient's grain, which applies the patient's limits to it (one-way: that grain is above this one).</summary>
    private void TellOffers(PoolBatch batch)
    {
        foreach (var entry in batch.WaitlistUpdates.Where(e => e.Status == WaitlistStatus.Offered))
        {
            var offer = CommittedPool.View(CommittedPool.Get(entry.Id));
            LogOffered(batch.SessionId, offer.SlotNo, entry.Seq);
            GrainFactory.GetGrain<IPatientGrain>(entry.PatientId).TakeOfferAsync(offer, CommittedPool.Session.DepartmentId).Ignore();
        }
    }
}
