namespace Hospital.Silo.Hosting;

/// <summary>
/// When the periodic catalog plan runs. Releases happen at whole minutes (release times are stored to the minute), and a
/// plan re-reads every pool of the window: a good part of a second of CPU on a small node. A timer counted from the
/// process start would now and then fire in the very second of a release burst (a load run caught one doing so), so
/// plans run at multiples of the period counted from half past a minute: with the default period, at second 30.
/// </summary>
public static class PlanningSchedule
{
    /// <summary>Where plans fall inside the minute: as far as possible from the releases at second 0.</summary>
    public static readonly TimeSpan Offset = TimeSpan.FromSeconds(30);

    /// <summary>The time from <paramref name="now"/> to the next plan; never zero, so one instant never gets two plans.</summary>
    public static TimeSpan DelayToNext(DateTimeOffset now, TimeSpan period)
    {
        var sinceLast = (now.UtcTicks - Offset.Ticks) % period.Ticks;
        return TimeSpan.FromTicks(period.Ticks - sinceLast);
    }
}
