using Hospital.Grains.Catalog;
using Hospital.Grains.Rules;

namespace Hospital.Grains.Tests.Catalog;

public sealed class ReleasePolicyTests
{
    private static readonly TimeOnly s_seven = new(7, 0);

    private static DateTimeOffset Beijing(int month, int day, int hour, int minute = 0, int second = 0) =>
        new(2026, month, day, hour, minute, second, TimeSpan.FromHours(8));

    [Fact]
    public void Rolling_OpensTheDayWindowDaysBeforeAtTheReleaseTime() =>
        Assert.Equal(Beijing(11, 23, 7), ReleasePolicy.RollingSevenDays.OpensAt(new DateOnly(2026, 11, 30)));

    [Fact]
    public void Rolling_FourteenDays_OpensTwoWeeksAhead() =>
        Assert.Equal(Beijing(11, 16, 7, 30), new ReleasePolicy(14, new TimeOnly(7, 30), null).OpensAt(new DateOnly(2026, 11, 30)));

    [Fact]
    public void IsReleased_FlipsExactlyAtTheReleaseInstant()
    {
        var visit = new DateOnly(2026, 11, 30);
        var policy = ReleasePolicy.RollingSevenDays;

        Assert.False(policy.IsReleased(visit, Beijing(11, 23, 6, 59, 59)));
        Assert.True(policy.IsReleased(visit, Beijing(11, 23, 7)));
        Assert.True(policy.IsReleased(visit, new DateTimeOffset(2026, 11, 22, 23, 0, 0, TimeSpan.Zero)));
        Assert.False(policy.IsReleased(visit, new DateTimeOffset(2026, 11, 22, 22, 59, 59, TimeSpan.Zero)));
    }

    [Theory]
    [InlineData(23)] // Monday
    [InlineData(25)] // Wednesday
    [InlineData(29)] // Sunday
    public void WeeklyMonday_OpensTheWholeNextWeekOnTheMondayBefore(int visitDay) =>
        Assert.Equal(Beijing(11, 16, 7), new ReleasePolicy(7, s_seven, DayOfWeek.Monday).OpensAt(new DateOnly(2026, 11, visitDay)));

    [Theory]
    [InlineData(DayOfWeek.Friday, 20)]
    [InlineData(DayOfWeek.Sunday, 22)]
    [InlineData(DayOfWeek.Wednesday, 18)]
    public void Weekly_OpensOnTheReleaseDayOfThePreviousWeek(DayOfWeek releaseDay, int expectedDay) =>
        Assert.Equal(Beijing(11, expectedDay, 7), new ReleasePolicy(7, s_seven, releaseDay).OpensAt(new DateOnly(2026, 11, 26)));

    [Fact]
    public void Weekly_WithTwoWeekWindow_OpensTheWeekAfterNext() =>
        Assert.Equal(Beijing(11, 9, 7), new ReleasePolicy(14, s_seven, DayOfWeek.Monday).OpensAt(new DateOnly(2026, 11, 25)));

    [Fact]
    public void OpensAt_InAnotherZone_UsesThatZonesWallClock() =>
        Assert.Equal(
            new DateTimeOffset(2026, 11, 23, 7, 0, 0, TimeSpan.Zero),
            ReleasePolicy.RollingSevenDays.OpensAt(new DateOnly(2026, 11, 30), new HospitalTime(TimeZoneInfo.Utc)));

    [Theory]
    [InlineData(0, null)]
    [InlineData(-7, null)]
    [InlineData(29, null)]
    [InlineData(10, DayOfWeek.Monday)]
    [InlineData(35, DayOfWeek.Monday)]
    public void Constructor_RejectsWindowsOutOfRange(int windowDays, DayOfWeek? weeklyDay) =>
        Assert.Throws<InvalidFieldException>(() => new ReleasePolicy(windowDays, s_seven, weeklyDay));

    [Theory]
    [InlineData(1, null)]
    [InlineData(28, null)]
    [InlineData(21, DayOfWeek.Tuesday)]
    public void Constructor_AcceptsValidWindows(int windowDays, DayOfWeek? weeklyDay) =>
        Assert.Equal(windowDays, new ReleasePolicy(windowDays, s_seven, weeklyDay).WindowDays);

    [Fact]
    public void Constructor_RejectsAReleaseTimeBetweenWholeMinutes_WhichStorageWouldRoundAway() =>
        Assert.Equal("DailyReleaseTime", Assert.Throws<InvalidFieldException>(() => new ReleasePolicy(7, new TimeOnly(7, 0, 30), null)).ParamName);

    [Fact]
    public void Constructor_RejectsAnUndefinedWeeklyReleaseDay() =>
        Assert.Equal("WeeklyReleaseDay", Assert.Throws<InvalidFieldException>(() => new ReleasePolicy(7, s_seven, (DayOfWeek)9)).ParamName);
}
