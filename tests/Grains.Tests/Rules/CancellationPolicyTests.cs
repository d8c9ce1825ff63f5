using Hospital.Grains.Catalog;
using Hospital.Grains.Rules;

namespace Hospital.Grains.Tests.Rules;

public sealed class CancellationPolicyTests
{
    private static readonly TimeSpan s_plus8 = TimeSpan.FromHours(8);
    private static readonly DateTimeOffset s_visit = new(2026, 11, 25, 8, 30, 0, s_plus8);
    private static readonly CancellationRulesOptions s_defaults = new();

    private static DateTimeOffset At(int day, int hour, int minute = 0, int second = 0) => new(2026, 11, day, hour, minute, second, s_plus8);

    [Fact]
    public void Quote_BeforeFourPmTheDayBefore_RefundsEverything() =>
        Assert.Equal(new CancellationQuote(true, 50m, 0m, CancellationQuote.FreeTier, null), CancellationPolicy.Quote(s_visit, 50m, At(24, 15, 59, 59), s_defaults));

    [Fact]
    public void Quote_FromFourPmTheDayBefore_KeepsTwentyPercent() =>
        Assert.Equal(new CancellationQuote(true, 40m, 10m, CancellationQuote.LateTier, null), CancellationPolicy.Quote(s_visit, 50m, At(24, 16), s_defaults));

    [Fact]
    public void Quote_JustBeforeTheVisit_IsStillTheLateTier() =>
        Assert.Equal(CancellationQuote.LateTier, CancellationPolicy.Quote(s_visit, 50m, At(25, 8, 29, 59), s_defaults).Tier);

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(600)]
    public void Quote_FromTheVisitStartOn_IsRefused(int minutesAfterStart) =>
        Assert.Equal(
            new CancellationQuote(false, 0m, 0m, CancellationQuote.ClosedTier, "appointment.not_cancellable"),
            CancellationPolicy.Quote(s_visit, 50m, s_visit.AddMinutes(minutesAfterStart), s_defaults));

    [Fact]
    public void Quote_ReadsTheCutoffInHospitalTimeWhateverTheCallersOffset()
    {
        var justBeforeCutoffInUtc = new DateTimeOffset(2026, 11, 24, 7, 59, 0, TimeSpan.Zero);

        Assert.Equal(CancellationQuote.FreeTier, CancellationPolicy.Quote(s_visit, 50m, justBeforeCutoffInUtc, s_defaults).Tier);
        Assert.Equal(CancellationQuote.LateTier, CancellationPolicy.Quote(s_visit, 50m, justBeforeCutoffInUtc.AddMinutes(1), s_defaults).Tier);
    }

    [Fact]
    public void Quote_RoundsTheLateFeeToTheFen()
    {
        var quote = CancellationPolicy.Quote(s_visit, 13.33m, At(25, 7), s_defaults);

        Assert.Equal((10.66m, 2.67m), (quote.Refund, quote.FeeCharged));
    }

    [Fact]
    public void Quote_UsesTheConfiguredTier()
    {
        var options = new CancellationRulesOptions { LateCancellationFeeRate = 0.5m, FreeCancellationCutoff = new TimeOnly(12, 0), FreeCancellationDaysBefore = 2 };

        Assert.Equal(CancellationQuote.FreeTier, CancellationPolicy.Quote(s_visit, 30m, At(23, 11, 59), options).Tier);
        Assert.Equal(new CancellationQuote(true, 15m, 15m, CancellationQuote.LateTier, null), CancellationPolicy.Quote(s_visit, 30m, At(23, 12), options));
    }

    [Fact]
    public void Quote_ForASessionSlot_UsesTheSlotStartAndTheSessionFee()
    {
        var slotStart = new DateTimeOffset(2026, 11, 25, 9, 0, 0, s_plus8);
        var session = new SessionDefinition("D0001-20261125-AM", 1, 1, new DateOnly(2026, 11, 25), SessionPeriod.Morning, "2A-01", 20m, 2, At(18, 7),
            [new SlotDefinition(1, slotStart.AddMinutes(-30), slotStart, BookingChannel.App), new SlotDefinition(2, slotStart, slotStart.AddMinutes(30), BookingChannel.App)]);

        Assert.Equal(new CancellationQuote(true, 16m, 4m, CancellationQuote.LateTier, null), CancellationPolicy.Quote(session, 2, slotStart.AddMinutes(-15), s_defaults));
        Assert.False(CancellationPolicy.Quote(session, 1, slotStart.AddMinutes(-15), s_defaults).Allowed);
        Assert.Throws<ArgumentOutOfRangeException>(() => CancellationPolicy.Quote(session, 3, slotStart, s_defaults));
    }

    [Fact]
    public void QuoteHospitalCancellation_RefundsEverything() =>
        Assert.Equal(new CancellationQuote(true, 50m, 0m, CancellationQuote.HospitalTier, null), CancellationPolicy.QuoteHospitalCancellation(50m));

    [Fact]
    public void Quote_RejectsNegativeFees() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => CancellationPolicy.Quote(s_visit, -1m, At(20, 8), s_defaults));

    [Fact]
    public void Validate_RejectsRatesOutsideZeroToOneAndOtherBadValues()
    {
        s_defaults.Validate();
        Assert.Throws<InvalidOperationException>(() => new CancellationRulesOptions { LateCancellationFeeRate = 1.5m }.Validate());
        Assert.Throws<InvalidOperationException>(() => new CancellationRulesOptions { FreeCancellationDaysBefore = -1 }.Validate());
        Assert.Throws<InvalidOperationException>(() => new CancellationRulesOptions { MaxCancellationsPerMonth = 0 }.Validate());
    }
}
