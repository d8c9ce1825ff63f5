using Hospital.Grains.Rules;

namespace Hospital.Grains.Tests.Rules;

public sealed class CancellationSuspensionTests
{
    private static readonly CancellationRulesOptions s_defaults = new();

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public void SuspendedUntil_BelowThreeCancellations_IsNotSuspended(int cancellations) =>
        Assert.Null(CancellationSuspension.SuspendedUntil(cancellations, new DateOnly(2026, 11, 23), s_defaults));

    [Theory]
    [InlineData(3)]
    [InlineData(5)]
    public void SuspendedUntil_AtThreeCancellations_LastsUntilTheNextMonth(int cancellations) =>
        Assert.Equal(new DateOnly(2026, 12, 1), CancellationSuspension.SuspendedUntil(cancellations, new DateOnly(2026, 11, 23), s_defaults));

    [Fact]
    public void SuspendedUntil_InDecember_EndsOnNewYearsDay() =>
        Assert.Equal(new DateOnly(2027, 1, 1), CancellationSuspension.SuspendedUntil(3, new DateOnly(2026, 12, 31), s_defaults));

    [Fact]
    public void SuspendedUntil_FollowsTheConfiguredLimit() =>
        Assert.Null(CancellationSuspension.SuspendedUntil(3, new DateOnly(2026, 11, 1), new CancellationRulesOptions { MaxCancellationsPerMonth = 4 }));
}
