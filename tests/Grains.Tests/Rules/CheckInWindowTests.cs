using Hospital.Grains.Rules;

namespace Hospital.Grains.Tests.Rules;

public sealed class CheckInWindowTests
{
    private static readonly DateTimeOffset s_slotStart = new(2026, 11, 25, 9, 0, 0, TimeSpan.FromHours(8));

    [Theory]
    [InlineData(-3601, CheckInTiming.TooEarly)]
    [InlineData(-3600, CheckInTiming.OnTime)]
    [InlineData(0, CheckInTiming.OnTime)]
    [InlineData(1800, CheckInTiming.OnTime)]
    [InlineData(1801, CheckInTiming.Late)]
    public void Evaluate_AcceptsFromAnHourBeforeUntilHalfAnHourAfter(int secondsFromStart, CheckInTiming expected) =>
        Assert.Equal(expected, CheckInWindow.Evaluate(s_slotStart, s_slotStart.AddSeconds(secondsFromStart), new CheckInRulesOptions()));

    [Fact]
    public void Evaluate_FollowsTheConfiguredWindow()
    {
        var options = new CheckInRulesOptions { OpensBefore = TimeSpan.FromMinutes(10), ClosesAfter = TimeSpan.Zero };

        Assert.Equal(CheckInTiming.TooEarly, CheckInWindow.Evaluate(s_slotStart, s_slotStart.AddMinutes(-11), options));
        Assert.Equal(CheckInTiming.Late, CheckInWindow.Evaluate(s_slotStart, s_slotStart.AddSeconds(1), options));
    }

    [Fact]
    public void OpensAtAndClosesAt_BoundTheWindow()
    {
        var options = new CheckInRulesOptions();

        Assert.Equal((s_slotStart.AddHours(-1), s_slotStart.AddMinutes(30)), (CheckInWindow.OpensAt(s_slotStart, options), CheckInWindow.ClosesAt(s_slotStart, options)));
    }

    [Fact]
    public void Validate_RejectsNegativeBounds()
    {
        new CheckInRulesOptions().Validate();
        Assert.Throws<InvalidOperationException>(() => new CheckInRulesOptions { ClosesAfter = TimeSpan.FromMinutes(-1) }.Validate());
    }
}
