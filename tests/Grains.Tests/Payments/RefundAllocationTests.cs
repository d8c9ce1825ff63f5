using Hospital.Grains.Abstractions.Payments;
using Hospital.Grains.Payments;

namespace Hospital.Grains.Tests.Payments;

/// <summary>How a refund is split back: what a cancellation keeps comes from the patient's self-pay first, then the personal account, the pooled fund last.</summary>
public sealed class RefundAllocationTests
{
    private static readonly PaymentSplit Paid = new(20m, 15m, 15m);

    [Theory]
    [InlineData(50, 20, 15, 15)] // full refund: every part back
    [InlineData(40, 20, 15, 5)] // 10 kept: from self-pay
    [InlineData(30, 20, 10, 0)] // 20 kept: all self-pay, then 5 of the personal account
    [InlineData(10, 10, 0, 0)] // 40 kept: the pooled fund pays the last of it
    [InlineData(0, 0, 0, 0)]
    public void Allocate_TakesWhatIsKeptFromThePatientsOwnMoneyFirst(decimal refund, decimal pooled, decimal personal, decimal self)
    {
        var back = RefundAllocation.Allocate(Paid, refund);

        Assert.Equal(new PaymentSplit(pooled, personal, self), back);
        Assert.Equal(refund, back.Total);
    }

    [Fact]
    public void Allocate_MoreThanWasPaid_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => RefundAllocation.Allocate(Paid, 50.01m));
}
