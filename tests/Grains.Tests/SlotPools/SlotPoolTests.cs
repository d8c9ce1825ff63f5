using Hospital.Grains.Abstractions.Errors;
using Hospital.Grains.Rules;

namespace Hospital.Grains.Tests.SlotPools;

/// <summary>The pool's decisions in memory: which slot a request gets, and which requests are refused and why.</summary>
public sealed class SlotPoolTests
{
    private static readonly TimeSpan HoldFor = TimeSpan.FromMinutes(15);

    [Fact]
    public void Hold_WithoutANumber_TakesTheLowestFreeSlotOfTheChannel()
    {
        var pool = PoolFactory.Create(4, BookingChannel.PhoneWindow, BookingChannel.App, BookingChannel.App, BookingChannel.DoctorAddOn);

        var first = pool.Hold(PoolFactory.Hold("a"), PoolFactory.Now, HoldFor).Result.Appointment!;
        var second = pool.Hold(PoolFactory.Hold("b"), PoolFactory.Now, HoldFor).Result.Appointment!;
        var third = pool.Hold(PoolFactory.Hold("c"), PoolFactory.Now, HoldFor).Result;
        var window = pool.Hold(PoolFactory.Hold("d", channel: BookingChannel.PhoneWindow), PoolFactory.Now, HoldFor).Result.Appointment!;

        Assert.Equal((2, 3), (first.SlotNo, second.SlotNo));
        Assert.Equal(HoldOutcome.SoldOut, third.Outcome);
        Assert.Equal(1, window.SlotNo);
        Assert.Equal(PoolFactory.Now + HoldFor, first.ExpiresAt);
    }

    [Fact]
    public void Hold_ARequestedSlot_IsGivenOnceThenTaken()
    {
        var pool = PoolFactory.Create();

        var held = pool.Hold(PoolFactory.Hold("a", slotNo: 3), PoolFactory.Now, HoldFor);
        var taken = pool.Hold(PoolFactory.Hold("b", slotNo: 3), PoolFactory.Now, HoldFor);

        Assert.Equal(3, held.Result.Appointment!.SlotNo);
        Assert.NotNull(held.Changes);
        Assert.Equal(HoldOutcome.SlotTaken, taken.Result.Outcome);
        Assert.Null(taken.Changes);
    }

    [Fact]
    public void Hold_ASlotOfAnotherChannelOrOutOfRange_IsRefused()
    {
        var pool = PoolFactory.Create(2, BookingChannel.DoctorAddOn);

        var reserved = Assert.Throws<RuleConflictException>(() => pool.Hold(PoolFactory.Hold("a", slotNo: 1), PoolFactory.Now, HoldFor));
        var outOfRange = Assert.Throws<InputValidationException>(() => pool.Hold(PoolFactory.Hold("a", slotNo: 9), PoolFactory.Now, HoldFor));

        Assert.Equal("slot.reserved", reserved.Code);
        Assert.Contains("slotNo", outOfRange.Errors.Keys);
    }

    [Fact]
    public void Hold_ASecondSlotForOnePatient_IsRefused()
    {
        var pool = PoolFactory.Create();
        pool.Hold(PoolFactory.Hold("a"), PoolFactory.Now, HoldFor);

        var again = Assert.Throws<RuleConflictException>(() => pool.Hold(PoolFactory.Hold("a") with { AppointmentId = "other" }, PoolFactory.Now, HoldFor));

        Assert.Equal("patient.already_booked", again.Code);
    }

    [Fact]
    public void Hold_BeforeRelease_AnswersNotReleasedWithoutChanges()
    {
        var pool = PoolFactory.Create();

        var early = pool.Hold(PoolFactory.Hold("a"), pool.Session.OpensAt.AddSeconds(-1), HoldFor);

        Assert.Equal((HoldOutcome.NotReleased, pool.Session.OpensAt), (early.Result.Outcome, early.Result.OpensAt));
        Assert.Null(early.Changes);
    }

    [Fact]
    public void ExpireDueHolds_FreesOnlyHoldsPastTheirWindow()
    {
        var pool = PoolFactory.Create();
        var early = pool.Hold(PoolFactory.Hold("a"), PoolFactory.Now, HoldFor).Result.Appointment!;
        var late = pool.Hold(PoolFactory.Hold("b"), PoolFactory.Now.AddMinutes(5), HoldFor).Result.Appointment!;

        var expired = pool.ExpireDueHolds(PoolFactory.Now.AddMinutes(16));

        Assert.Equal(1, expired.Result);
        Assert.Equal(AppointmentStatus.Expired, pool.Get(early.Id).Status);
        Assert.Equal(AppointmentStatus.Held, pool.Get(late.Id).Status);
        Assert.Equal(["Held->Expired"], expired.Changes!.Audits.Select(a => $"{a.From}->{a.To}"));
    }

    [Fact]
    public void Availability_CountsFreeAppSlotsAndShowsFewLeftThenFull()
    {
        var pool = PoolFactory.Create(6);
        var states = new List<(int, SessionState)>();
        for (var i = 0; i <= 6; i++)
        {
            var availability = pool.Availability(PoolFactory.Now);
            states.Add((availability.Available, availability.State));
            if (i < 6) pool.Hold(PoolFactory.Hold($"p{i}"), PoolFactory.Now, HoldFor);
        }

        Assert.Equal([(6, SessionState.Available), (5, SessionState.FewLeft), (4, SessionState.FewLeft), (3, SessionState.FewLeft),
            (2, SessionState.FewLeft), (1, SessionState.FewLeft), (0, SessionState.Full)], states);
    }

    [Fact]
    public void RollBackReschedule_CancelsTheMovedBookingWithoutARefund()
    {
        var pool = PoolFactory.Create();
        var source = new RescheduleSource("old", "pay-1", 50m, 0);
        var moved = pool.Hold(PoolFactory.Hold("a") with { RescheduleOf = source }, PoolFactory.Now, HoldFor).Result.Appointment!;

        var rolledBack = pool.RollBackReschedule(moved.Id, "a", "failed", PoolFactory.Now);

        Assert.Equal((AppointmentStatus.Booked, 1), (moved.Status, moved.RescheduleCount));
        Assert.Equal((AppointmentStatus.Cancelled, 0m), (rolledBack.Result.Status, rolledBack.Result.RefundAmount));
        Assert.Empty(rolledBack.Changes!.Refunds);
    }
}
