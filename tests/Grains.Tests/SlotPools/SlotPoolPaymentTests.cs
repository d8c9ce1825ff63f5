using Hospital.Grains.Abstractions.Errors;

namespace Hospital.Grains.Tests.SlotPools;

/// <summary>Which late payments the pool refuses, and with which code.</summary>
public sealed class SlotPoolPaymentTests
{
    private static readonly TimeSpan HoldFor = TimeSpan.FromMinutes(15);

    [Fact]
    public void ConfirmPayment_OnAHoldTheSweepAlreadyExpired_IsRefusedAsHoldExpired()
    {
        var pool = PoolFactory.Create();
        var held = pool.Hold(PoolFactory.Hold("a"), PoolFactory.Now, HoldFor).Result.Appointment!;
        pool.ExpireDueHolds(PoolFactory.Now.AddMinutes(16));

        var refused = Assert.Throws<RuleConflictException>(() => pool.ConfirmPayment(held.Id, "pay-1", "account:A-test", PoolFactory.Now.AddMinutes(17)));

        Assert.Equal("hold.expired", refused.Code);
    }

    [Fact]
    public void ConfirmPayment_OnAnAbandonedHold_IsRefusedAsNotPayable()
    {
        var pool = PoolFactory.Create();
        var held = pool.Hold(PoolFactory.Hold("a"), PoolFactory.Now, HoldFor).Result.Appointment!;
        pool.Cancel(held.Id, "a", "changed my mind", PoolFactory.Now, new());

        var refused = Assert.Throws<RuleConflictException>(() => pool.ConfirmPayment(held.Id, "pay-1", "account:A-test", PoolFactory.Now));

        Assert.Equal("appointment.not_payable", refused.Code);
    }
}
