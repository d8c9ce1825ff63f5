using Hospital.Grains.Catalog;

namespace Hospital.Grains.Tests.Catalog;

public sealed class ScheduleTemplateTests
{
    private static ScheduleTemplate Template(int quota, int slotMinutes) =>
        new(1, DayOfWeek.Monday, SessionPeriod.Morning, "2A-01", quota, slotMinutes, ChannelShares.Standard);

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void Constructor_RejectsSessionsWithoutSlots(int quota) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Template(quota, 15));

    [Theory]
    [InlineData(0)]
    [InlineData(31)]
    [InlineData(60)]
    public void Constructor_RejectsSlotsLongerThanThirtyMinutesOrEmpty(int slotMinutes) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Template(20, slotMinutes));

    [Fact]
    public void Constructor_AcceptsThirtyMinuteSlots() =>
        Assert.Equal(30, Template(20, 30).SlotMinutes);
}
