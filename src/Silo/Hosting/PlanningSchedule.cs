namespace Hospital.Silo.Hosting;

/// <summary>
/// When the periodic catalog plan runs. Releases happen at whole minutes (release times are stored to the minute), and a
/// plan re-reads every pool of the window: a good part of a second of CPU on a small node. A timer counted from the
/// process start would now and then fire in the very second of a release burst (a load run caught one doing so), so
/// plans run at multiples of the period counted from an offset that keeps every plan off whole minutes: half the period
/// when it is shorter than a minute (a 10 s period plans at seconds 5, 15, ...), else half a minute (a 1 minute period
/// plans at second 30, a 5 minute one at 2:30 past each fifth minute).
/// </summary>
public static class PlanningSchedule
{
    private static readonly TimeSpan HalfMinute = TimeSpan.FromSeconds(30);

    /// <summary>Where plans fall relative to whole minutes: as far as the period allows from the releases.</summary>
    private static TimeSpan Offset(TimeSpan period) => period < 2 * HalfMinute ? period / 2 : HalfMinute;

    /// <summary>The time from <paramref name="now"/> to the next plan; never zero, so one instant never gets two plans.</summary>
    public static TimeSpan DelayToNext(DateTimeOffset now, TimeSpan period)
    {
        var sinceLast = (now.UtcTicks - Offset(period).Ticks) % period.Ticks;
        return TimeSpan.FromTicks(period.Ticks - sinceLast);
    }
}
