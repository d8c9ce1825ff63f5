using Hospital.Grains.Rules;

namespace Hospital.Grains.Tests.SlotPools;

/// <summary>What the refund quote says was paid, for appointments that ended before or after a payment.</summary>
public sealed class SlotPoolRefundQuoteTests
{
    private static readonly TimeSpan HoldFor = TimeSpan.FromMinutes(15);

    [Fact]
    public void QuoteRefund_OnAnAbandonedHold_ReportsNothingPaid()
    {
        var pool = PoolFactory.Create();
        var held = pool.Hold(PoolFactory.Hold("a"), PoolFactory.Now, HoldFor).Result.Appointment!;
        pool.Cancel(held.Id, "a", "changed my mind", PoolFactory.Now, new CancellationRulesOptions());

        var quote = pool.QuoteRefund(held.Id, PoolFactory.Now, new CancellationRulesOptions());

        Assert.Equal((false, 0m, 0m), (quote.Cancellable, quote.Paid, quote.Refund));
    }

    [Fact]
    public void QuoteRefund_OnACancelledBooking_ReportsTheFeePaid()
    {
        var pool = PoolFactory.Create();
        var held = pool.Hold(PoolFactory.Hold("a"), PoolFactory.Now, HoldFor).Result.Appointment!;
        pool.ConfirmPayment(held.Id, "pay-1", "account:A-test", PoolFactory.Now);
        pool.Cancel(held.Id, "a", "changed my mind", PoolFactory.Now, new CancellationRulesOptions());

        var quote = pool.QuoteRefund(held.Id, PoolFactory.Now, new CancellationRulesOptions());

        Assert.Equal((false, 50m), (quote.Cancellable, quote.Paid));
    }
}
