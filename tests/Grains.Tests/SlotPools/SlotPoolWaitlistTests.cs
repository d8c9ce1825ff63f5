using Hospital.Grains.Abstractions.Errors;
using Hospital.Grains.Abstractions.Waitlists;
using Hospital.Grains.Notices;
using Hospital.Grains.Rules;
using Hospital.Grains.SlotPools;

namespace Hospital.Grains.Tests.SlotPools;

/// <summary>The waitlist's decisions in memory: who may join, and where a slot that comes back goes, in the same decision.</summary>
public sealed class SlotPoolWaitlistTests
{
    private static readonly TimeSpan HoldFor = TimeSpan.FromMinutes(15);
    private static readonly DateTimeOffset Now = PoolFactory.Now;
    private static readonly CancellationRulesOptions Rules = new();

    [Fact]
    public void Join_WhileAppSlotsAreFree_IsRefusedWithTheAdviceToBook()
    {
        var pool = PoolFactory.Create(2);
        pool.Hold(PoolFactory.Hold("a"), Now, HoldFor);

        var refused = Assert.Throws<RuleConflictException>(() => pool.JoinWaitlist(Join("w"), Now));

        Assert.Equal("waitlist.slots_free", refused.Code);
    }

    [Fact]
    public void Join_ASoldOutSession_QueuesInOrderAndJoiningAgainKeepsThePlace()
    {
        var pool = SoldOut(2);

        var first = pool.JoinWaitlist(Join("w1"), Now);
        var second = pool.JoinWaitlist(Join("w2"), Now);
        var again = pool.JoinWaitlist(Join("w1") with { EntryId = "another" }, Now);

        Assert.Equal((1, 2), (first.Result.Position, second.Result.Position));
        Assert.Single(first.Changes!.WaitlistCreated);
        Assert.Null(again.Changes);
        Assert.Equal(first.Result.Id, again.Result.Id);
    }

    [Fact]
    public void Join_ByAPatientBookedInTheSession_IsRefused()
    {
        var pool = SoldOut(2);

        Assert.Equal("patient.already_booked", Assert.Throws<RuleConflictException>(() => pool.JoinWaitlist(Join("p1"), Now)).Code);
    }

    [Fact]
    public void Cancel_OffersTheReturnedSlotToTheFirstWaitingPatient_AsAHoldInTheSameDecision()
    {
        var pool = SoldOut(2);
        pool.JoinWaitlist(Join("w1"), Now);
        pool.JoinWaitlist(Join("w2"), Now);
        var later = Now.AddMinutes(5);

        var cancelled = pool.Cancel("p1-appointment", "p1", "changed plans", later, Rules);

        var offer = Assert.Single(cancelled.Changes!.Created);
        Assert.Equal(("w1-entry", "w1", 1, AppointmentStatus.Held, later + HoldFor), (offer.Id, offer.PatientId, offer.SlotNo, offer.Status, offer.ExpiresAt));
        Assert.Equal(WaitlistStatus.Offered, Assert.Single(cancelled.Changes.WaitlistUpdated).Status);
        Assert.Equal((BookingActor.Waitlist, "slot offered from the waitlist"), cancelled.Changes.Audits.Where(a => a.AppointmentId == offer.Id).Select(a => (a.Actor, a.Reason)).Single());
        var notice = Assert.Single(cancelled.Changes.Notifications);
        Assert.Equal(("w1", "waitlist.offered"), (notice.PatientId, notice.Kind));
        Assert.Equal(1, pool.WaitlistPlace("w2").Position);
        Assert.Equal(HoldOutcome.SoldOut, pool.Hold(PoolFactory.Hold("newcomer"), later, HoldFor).Result.Outcome);
    }

    [Fact]
    public void ExpiringAnUnpaidOffer_LapsesItAndOffersTheSlotToTheNextPatient()
    {
        var pool = SoldOut(1);
        pool.JoinWaitlist(Join("w1"), Now);
        pool.JoinWaitlist(Join("w2"), Now);
        pool.Cancel("p1-appointment", "p1", "changed plans", Now, Rules);

        var expired = pool.ExpireDueHolds(Now + HoldFor);

        Assert.Equal(WaitlistStatus.Lapsed, pool.WaitlistPlace("w1").Status);
        Assert.Equal(WaitlistStatus.Offered, pool.WaitlistPlace("w2").Status);
        Assert.Equal("w2", pool.Get("w2-entry").PatientId);
        Assert.Equal(["waitlist.lapsed", "waitlist.offered"], expired.Changes!.Notifications.Select(n => n.Kind));
    }

    [Fact]
    public void DecliningAnOffer_AbandonsTheHoldSkipsThePatientAndOffersTheNext()
    {
        var pool = SoldOut(1);
        pool.JoinWaitlist(Join("w1"), Now);
        pool.JoinWaitlist(Join("w2"), Now);
        pool.Cancel("p1-appointment", "p1", "changed plans", Now, Rules);

        var declined = pool.DeclineOffer("w1-entry", "A patient can have only one booking per department per day.", Now);

        Assert.Equal(WaitlistStatus.Skipped, declined.Result.Status);
        Assert.Equal(AppointmentStatus.Abandoned, pool.Get("w1-entry").Status);
        Assert.Equal(AppointmentStatus.Held, pool.Get("w2-entry").Status);
        Assert.Contains("one booking per department", declined.Changes!.Audits.Single(a => a.AppointmentId == "w1-entry").Reason);
        Assert.Equal(PatientNotices.WaitlistOfferDeclined(pool.Session.Date, pool.Session.Period),
            declined.Changes.Notifications.Single(n => n.PatientId == "w1").Message);
        Assert.Null(pool.DeclineOffer("w1-entry", "again", Now).Changes);
    }

    [Fact]
    public void AWaitingPatientWhoMeanwhileHoldsASlot_IsPassedOverAndTold()
    {
        var pool = PoolFactory.Create(2, BookingChannel.App, BookingChannel.PhoneWindow);
        pool.Hold(PoolFactory.Hold("p1"), Now, HoldFor);
        pool.JoinWaitlist(Join("w1"), Now);
        pool.JoinWaitlist(Join("w2"), Now);
        pool.Hold(PoolFactory.Hold("w1", channel: BookingChannel.PhoneWindow), Now, HoldFor);

        var cancelled = pool.Cancel("p1-appointment", "p1", "changed plans", Now, Rules);

        Assert.Equal(WaitlistStatus.Skipped, pool.WaitlistPlace("w1").Status);
        Assert.Equal("w2", pool.Get("w2-entry").PatientId);
        Assert.Equal(["waitlist.skipped", "waitlist.offered"], cancelled.Changes!.Notifications.Select(n => n.Kind));
    }

    [Fact]
    public void Leave_TakesThePatientOutOfTheQueue()
    {
        var pool = SoldOut(1);
        pool.JoinWaitlist(Join("w1"), Now);
        pool.JoinWaitlist(Join("w2"), Now);

        var left = pool.LeaveWaitlist("w1", Now);
        pool.Cancel("p1-appointment", "p1", "changed plans", Now, Rules);

        Assert.Equal(WaitlistStatus.Left, left.Result.Status);
        Assert.Equal("w2", pool.Get("w2-entry").PatientId);
        Assert.Null(pool.Find("w1-entry"));
        Assert.Equal("waitlist.not_found", Assert.Throws<NotFoundException>(() => pool.LeaveWaitlist("w1", Now)).Code);
    }

    [Fact]
    public void Stop_ClosesTheWaitlistAndTellsEveryoneWaiting()
    {
        var pool = SoldOut(1);
        pool.JoinWaitlist(Join("w1"), Now);

        var stopped = pool.Stop("staff:1", "医生临时停诊", Now);

        Assert.Equal(WaitlistStatus.Closed, pool.WaitlistPlace("w1").Status);
        Assert.Contains(stopped.Changes!.Notifications, n => n.PatientId == "w1" && n.Kind == "waitlist.closed");
    }

    [Fact]
    public void ABatch_WritesAnEntryJoinedAndOfferedInItAsOneInsert_AndAnOfferOfAnEarlierEntryAsAnUpdate()
    {
        var pool = SoldOut(2);
        pool.JoinWaitlist(Join("w1"), Now); // committed by an earlier batch
        var joined = pool.JoinWaitlist(Join("w2"), Now).Changes!;
        var cancelled = pool.Cancel("p1-appointment", "p1", "changed plans", Now, Rules).Changes!;
        var cancelledAgain = pool.Cancel("p2-appointment", "p2", "changed plans", Now, Rules).Changes!;

        var batch = PoolBatch.Seal(PoolRowState.Of(pool), [joined, cancelled, cancelledAgain]);

        Assert.Equal([("w2-entry", WaitlistStatus.Offered)], batch.WaitlistInserts.Select(e => (e.Id, e.Status)));
        Assert.Equal([("w1-entry", WaitlistStatus.Offered)], batch.WaitlistUpdates.Select(e => (e.Id, e.Status)));
        Assert.Equal(["w1-entry", "w2-entry"], batch.Inserts.Select(a => a.Id).Order());
    }

    [Fact]
    public void ACopy_KeepsTheQueue()
    {
        var pool = SoldOut(1);
        pool.JoinWaitlist(Join("w1"), Now);
        pool.JoinWaitlist(Join("w2"), Now);

        var copy = pool.Copy();

        Assert.Equal((1, 2), (copy.WaitlistPlace("w1").Position, copy.WaitlistPlace("w2").Position));
    }

    private static WaitlistJoin Join(string patientId) => new($"{patientId}-entry", patientId, patientId);

    /// <summary>A pool whose app slots p1..pN hold.</summary>
    private static SlotPool SoldOut(int quota)
    {
        var pool = PoolFactory.Create(quota);
        for (var i = 1; i <= quota; i++) pool.Hold(PoolFactory.Hold($"p{i}"), Now, HoldFor);
        return pool;
    }
}
