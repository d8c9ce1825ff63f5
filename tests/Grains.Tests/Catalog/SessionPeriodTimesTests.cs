using Hospital.Grains.Catalog;

namespace Hospital.Grains.Tests.Catalog;

public sealed class SessionPeriodTimesTests
{
    [Theory]
    [InlineData(SessionPeriod.Morning, "08:00", "12:00", 240)]
    [InlineData(SessionPeriod.Afternoon, "13:30", "17:30", 240)]
    [InlineData(SessionPeriod.Evening, "18:00", "21:00", 180)]
    public void Defaults_MatchTheDocumentedHours(SessionPeriod period, string start, string end, int minutes)
    {
        var times = new SessionPeriodTimes();

        Assert.Equal((TimeOnly.Parse(start), TimeOnly.Parse(end), minutes), (times.StartOf(period), times.EndOf(period), times.MinutesOf(period)));
    }

    [Fact]
    public void Validate_AcceptsDefaultsAndRejectsAPeriodEndingBeforeItStarts()
    {
        new SessionPeriodTimes().Validate();

        Assert.Throws<InvalidOperationException>(() => new SessionPeriodTimes { EveningEnd = new TimeOnly(17, 0) }.Validate());
    }
}
