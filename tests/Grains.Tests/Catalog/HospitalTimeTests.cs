using Hospital.Grains.Catalog;

namespace Hospital.Grains.Tests.Catalog;

public sealed class HospitalTimeTests
{
    private static readonly TimeSpan s_plus8 = TimeSpan.FromHours(8);

    [Fact]
    public void China_IsUtcPlusEight() =>
        Assert.Equal(s_plus8, HospitalTime.China.Zone.GetUtcOffset(new DateTime(2026, 7, 1)));

    [Fact]
    public void At_GivesWallClockTimeWithTheHospitalOffset()
    {
        var at = HospitalTime.China.At(new DateOnly(2026, 11, 23), new TimeOnly(7, 0));

        Assert.Equal(new DateTimeOffset(2026, 11, 23, 7, 0, 0, s_plus8), at);
        Assert.Equal(s_plus8, at.Offset);
    }

    [Fact]
    public void DateOf_UsesTheHospitalCalendarDay()
    {
        var lateUtcEvening = new DateTimeOffset(2026, 11, 22, 17, 0, 0, TimeSpan.Zero);

        Assert.Equal(new DateOnly(2026, 11, 23), HospitalTime.China.DateOf(lateUtcEvening));
    }

    [Fact]
    public void Now_ReadsTheClockInHospitalTime()
    {
        var clock = new FixedClock(new DateTimeOffset(2026, 11, 22, 23, 30, 0, TimeSpan.Zero));

        var now = HospitalTime.China.Now(clock);

        Assert.Equal(s_plus8, now.Offset);
        Assert.Equal(new DateTime(2026, 11, 23, 7, 30, 0), now.DateTime);
    }

    [Fact]
    public void FindZone_WithoutTheZoneInTheDatabase_FallsBackToTheFixedOffset()
    {
        var zone = HospitalTime.FindZone("Nowhere/Missing_Zone", s_plus8);

        Assert.Equal(s_plus8, zone.BaseUtcOffset);
        Assert.False(zone.SupportsDaylightSavingTime);
    }

    [Fact]
    public void AnotherZone_ProducesItsOwnOffset()
    {
        var utc = new HospitalTime(TimeZoneInfo.Utc);

        Assert.Equal(TimeSpan.Zero, utc.At(new DateOnly(2026, 11, 23), new TimeOnly(8, 0)).Offset);
    }
}
