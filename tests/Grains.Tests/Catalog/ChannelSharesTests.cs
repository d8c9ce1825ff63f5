using Hospital.Grains.Catalog;
using Hospital.Grains.Rules;

namespace Hospital.Grains.Tests.Catalog;

public sealed class ChannelSharesTests
{
    [Fact]
    public void Standard_KeepsTwentyPercentForTheWindowAndTenForAddOns() =>
        Assert.Equal(new ChannelCounts(21, 6, 3), ChannelShares.Standard.CountsFor(30));

    [Fact]
    public void CountsFor_RoundsReservedCountsDown_SoTheAppGetsTheRest() =>
        Assert.Equal(new ChannelCounts(8, 1, 0), ChannelShares.Standard.CountsFor(9));

    [Fact]
    public void AppOnly_GivesEverySlotToTheApp() =>
        Assert.Equal(new ChannelCounts(25, 0, 0), ChannelShares.AppOnly.CountsFor(25));

    [Fact]
    public void CountsFor_AlwaysAddsUpToTheQuota()
    {
        var shares = new ChannelShares(0.35m, 0.15m);
        for (var quota = 0; quota <= 100; quota++) Assert.Equal(quota, shares.CountsFor(quota).Total);
    }

    [Theory]
    [InlineData(-0.1, 0)]
    [InlineData(1.1, 0)]
    [InlineData(0, -0.1)]
    [InlineData(0.6, 0.5)]
    public void Constructor_RejectsSharesThatAreNotFractionsOfOneSession(double phone, double addOn) =>
        Assert.Throws<InvalidFieldException>(() => new ChannelShares((decimal)phone, (decimal)addOn));

    [Fact]
    public void ChannelCounts_For_ReturnsEachChannelsCount()
    {
        var counts = new ChannelCounts(5, 2, 1);

        Assert.Equal([5, 2, 1], Enum.GetValues<BookingChannel>().Select(counts.For));
    }

    [Fact]
    public void Constructor_RejectsMoreDecimalsThanTheColumnKeeps() =>
        Assert.Equal("PhoneWindow", Assert.Throws<InvalidFieldException>(() => new ChannelShares(0.1234m, 0m)).ParamName);
}
