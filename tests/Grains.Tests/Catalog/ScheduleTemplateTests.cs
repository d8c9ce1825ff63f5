using Hospital.Grains.Catalog;
using Hospital.Grains.Rules;

namespace Hospital.Grains.Tests.Catalog;

public sealed class ScheduleTemplateTests
{
    private static ScheduleTemplate Template(int quota, int slotMinutes) =>
        new(1, DayOfWeek.Monday, SessionPeriod.Morning, "2A-01", quota, slotMinutes, ChannelShares.Standard);

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void Constructor_RejectsSessionsWithoutSlots(int quota) =>
        Assert.Throws<InvalidFieldException>(() => Template(quota, 15));

    [Theory]
    [InlineData(0)]
    [InlineData(31)]
    [InlineData(60)]
    public void Constructor_RejectsSlotsLongerThanThirtyMinutesOrEmpty(int slotMinutes) =>
        Assert.Throws<InvalidFieldException>(() => Template(20, slotMinutes));

    [Fact]
    public void Constructor_AcceptsThirtyMinuteSlots() =>
        Assert.Equal(30, Template(20, 30).SlotMinutes);

    [Theory]
    [InlineData(1_001)]
    [InlineData(200_000)]
    [InlineData(2_000_000)]
    public void Constructor_RejectsQuotasAboveTheMaximum(int quota)
    {
        var error = Assert.Throws<InvalidFieldException>(() => Template(quota, 1));

        Assert.Equal(("Quota", $"Must be 1 to {ScheduleTemplate.MaxQuota}; got {quota}."), (error.ParamName, error.Reason));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Constructor_RejectsDoctorIdsThatAreNotPositive(int doctorId) =>
        Assert.Equal("DoctorId", Assert.Throws<InvalidFieldException>(() =>
            new ScheduleTemplate(doctorId, DayOfWeek.Monday, SessionPeriod.Morning, "2A-01", 20, 10, ChannelShares.Standard)).ParamName);

    [Fact]
    public void Constructor_RejectsAnUndefinedPeriod() =>
        Assert.Equal("Period", Assert.Throws<InvalidFieldException>(() => new ScheduleTemplate(1, DayOfWeek.Monday, (SessionPeriod)7, "2A-01", 20, 10, ChannelShares.Standard)).ParamName);
}
