using Hospital.Silo.Hosting;

namespace Hospital.Silo.Tests.Hosting;

/// <summary>Periodic plans keep off the whole minutes at which sessions are released: second 30 with the default period.</summary>
public sealed class PlanningScheduleTests
{
    private static readonly DateTimeOffset ReleaseMoment = new(2026, 11, 23, 7, 0, 0, TimeSpan.FromHours(8));

    [Theory]
    [InlineData(-500, 30_500)]
    [InlineData(0, 30_000)]
    [InlineData(29_900, 100)]
    [InlineData(30_000, 60_000)]
    [InlineData(45_000, 45_000)]
    public void DelayToNext_WithTheDefaultPeriod_LandsOnSecond30(int millisecondsAfterRelease, int expectedDelayMilliseconds)
    {
        var now = ReleaseMoment.AddMilliseconds(millisecondsAfterRelease);

        var delay = PlanningSchedule.DelayToNext(now, TimeSpan.FromMinutes(1));

        Assert.Equal(TimeSpan.FromMilliseconds(expectedDelayMilliseconds), delay);
        Assert.Equal(30, (now + delay).Second);
    }

    [Theory]
    [InlineData(10, 5)]
    [InlineData(20, 10)]
    [InlineData(120, 30)]
    public void DelayToNext_NeverLandsOnAWholeMinute(int periodSeconds, int expectedSecondOfMinute)
    {
        var period = TimeSpan.FromSeconds(periodSeconds);
        var now = ReleaseMoment.AddMilliseconds(-1);

        for (var plan = 0; plan < 30; plan++)
        {
            now += PlanningSchedule.DelayToNext(now, period);
            Assert.NotEqual(0, now.Second);
            if (plan == 0) Assert.Equal(expectedSecondOfMinute, now.Second);
        }
    }

    [Fact]
    public void DelayToNext_WithAFiveMinutePeriod_KeepsTheHalfMinuteOffset()
    {
        var delay = PlanningSchedule.DelayToNext(ReleaseMoment.AddMinutes(1), TimeSpan.FromMinutes(5));

        Assert.Equal(ReleaseMoment.AddMinutes(5).AddSeconds(30), ReleaseMoment.AddMinutes(1) + delay);
    }
}
