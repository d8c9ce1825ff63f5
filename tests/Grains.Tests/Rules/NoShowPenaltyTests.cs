using Hospital.Grains.Rules;

namespace Hospital.Grains.Tests.Rules;

public sealed class NoShowPenaltyTests
{
    private static readonly NoShowRulesOptions s_defaults = new();

    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(3, 90)]
    [InlineData(8, 90)]
    public void SuspensionDays_EscalatesWithEachNoShowOfTheYear(int nth, int days) =>
        Assert.Equal(days, NoShowPenalty.SuspensionDays(nth, s_defaults));

    [Fact]
    public void SuspensionDays_RejectsANonPositiveCount() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => NoShowPenalty.SuspensionDays(0, s_defaults));

    [Fact]
    public void SuspendedUntil_CountsDaysFromTheNoShowDate() =>
        Assert.Equal(new DateOnly(2027, 1, 24), NoShowPenalty.SuspendedUntil(new DateOnly(2026, 11, 25), 2, s_defaults));

    [Fact]
    public void SuspensionDays_FollowsTheConfiguredLengths() =>
        Assert.Equal(7, NoShowPenalty.SuspensionDays(1, new NoShowRulesOptions { FirstSuspensionDays = 7 }));

    [Fact]
    public void Validate_RejectsNegativeLengths()
    {
        s_defaults.Validate();
        Assert.Throws<InvalidOperationException>(() => new NoShowRulesOptions { LaterSuspensionDays = -1 }.Validate());
    }
}
