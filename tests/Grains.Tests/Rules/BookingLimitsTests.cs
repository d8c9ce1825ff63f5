using Hospital.Grains.Rules;

namespace Hospital.Grains.Tests.Rules;

public sealed class BookingLimitsTests
{
    private static readonly BookingRulesOptions s_defaults = new();

    [Theory]
    [InlineData(0, true)]
    [InlineData(2, true)]
    [InlineData(3, false)]
    [InlineData(7, false)]
    public void CheckDailyBookings_AllowsThreeNewBookingsPerDay(int madeToday, bool allowed)
    {
        var decision = BookingLimits.CheckDailyBookings(madeToday, s_defaults);

        Assert.Equal(allowed, decision.Allowed);
        Assert.Equal(allowed ? null : BookingLimits.DailyLimitCode, decision.Code);
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(1, true)]
    [InlineData(2, false)]
    public void CheckReschedule_AllowsTwoChangesPerBooking(int soFar, bool allowed)
    {
        var decision = BookingLimits.CheckReschedule(soFar, s_defaults);

        Assert.Equal(allowed, decision.Allowed);
        Assert.Equal(allowed ? null : BookingLimits.RescheduleLimitCode, decision.Code);
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(1, false)]
    public void CheckDepartmentDay_AllowsOneBookingPerDepartmentPerDay(int existing, bool allowed)
    {
        var decision = BookingLimits.CheckDepartmentDay(existing, s_defaults);

        Assert.Equal(allowed, decision.Allowed);
        Assert.Equal(allowed ? null : BookingLimits.DepartmentDayLimitCode, decision.Code);
    }

    [Theory]
    [InlineData(4, true)]
    [InlineData(5, false)]
    public void CheckPatientCount_AllowsFivePatientsPerAccountByDefault(int existing, bool allowed)
    {
        var decision = BookingLimits.CheckPatientCount(existing, s_defaults);

        Assert.Equal(allowed, decision.Allowed);
        Assert.Equal(allowed ? null : BookingLimits.PatientLimitCode, decision.Code);
    }

    [Fact]
    public void Checks_FollowConfiguredLimits()
    {
        var options = new BookingRulesOptions { MaxPatientsPerAccount = 3, MaxNewBookingsPerAccountPerDay = 1 };

        Assert.False(BookingLimits.CheckPatientCount(3, options).Allowed);
        Assert.False(BookingLimits.CheckDailyBookings(1, options).Allowed);
    }

    [Fact]
    public void Denials_ExplainTheLimit() =>
        Assert.Contains("3", BookingLimits.CheckDailyBookings(3, s_defaults).Reason);

    /// <summary>The patient's limit counts bookings from every account, so its denial must not blame the caller's account.</summary>
    [Fact]
    public void DailyDenials_SayWhoseLimitWasReached()
    {
        Assert.StartsWith("A patient can", BookingLimits.CheckDailyBookings(3, s_defaults).Reason);
        Assert.StartsWith("This account", BookingLimits.CheckAccountDailyBookings(3, s_defaults).Reason);
    }

    [Fact]
    public void HoldExpiresAt_IsFifteenMinutesAfterTheHold()
    {
        var heldAt = new DateTimeOffset(2026, 11, 23, 7, 0, 3, TimeSpan.FromHours(8));

        Assert.Equal(heldAt.AddMinutes(15), BookingLimits.HoldExpiresAt(heldAt, s_defaults));
    }

    [Fact]
    public void Validate_AcceptsTheDefaults() => s_defaults.Validate();

    [Theory]
    [InlineData(2)]
    [InlineData(6)]
    public void Validate_RejectsPatientLimitsOutsideThreeToFive(int limit) =>
        Assert.Throws<InvalidOperationException>(() => new BookingRulesOptions { MaxPatientsPerAccount = limit }.Validate());

    [Fact]
    public void Validate_RejectsOtherOutOfRangeValues()
    {
        Assert.Throws<InvalidOperationException>(() => new BookingRulesOptions { HoldDuration = TimeSpan.Zero }.Validate());
        Assert.Throws<InvalidOperationException>(() => new BookingRulesOptions { MaxNewBookingsPerAccountPerDay = 0 }.Validate());
        Assert.Throws<InvalidOperationException>(() => new BookingRulesOptions { MaxReschedulesPerBooking = -1 }.Validate());
        Assert.Throws<InvalidOperationException>(() => new BookingRulesOptions { MaxBookingsPerPatientPerDepartmentPerDay = 0 }.Validate());
    }
}
