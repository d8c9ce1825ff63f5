using Hospital.Grains.Rules;

namespace Hospital.Grains.Catalog;

/// <summary>
/// When a visit date becomes bookable (放号). Two modes:
/// <list type="bullet">
/// <item><b>Rolling</b> (<see cref="WeeklyReleaseDay"/> null): a date opens at <see cref="DailyReleaseTime"/>
/// exactly <see cref="WindowDays"/> days before it. With 7 days at 07:00, 2026-11-30 opens 2026-11-23 07:00,
/// so after 07:00 today and the next 7 days are bookable.</item>
/// <item><b>Weekly</b>: every <see cref="WeeklyReleaseDay"/> at <see cref="DailyReleaseTime"/> a whole Monday–Sunday
/// week opens, the week lying <see cref="WindowDays"/>/7 weeks after the release day's week. With Monday 07:00 and
/// 7 days, Monday 2026-11-16 07:00 opens 2026-11-23 (Mon) to 2026-11-29 (Sun). WindowDays must be a multiple of 7.</item>
/// </list>
/// All times are hospital wall-clock times (<see cref="HospitalTime"/>, China Standard Time by default).
/// </summary>
/// <remarks>
/// <para><c>WindowDays</c>: How far ahead bookings open: 1–<see cref="MaxWindowDays"/> days (usually 7, 14 or 28).</para>
/// </remarks>
public sealed record ReleasePolicy(int WindowDays, TimeOnly DailyReleaseTime, DayOfWeek? WeeklyReleaseDay)
{
    /// <summary>Longest window any department may use.</summary>
    public const int MaxWindowDays = 28;

    /// <summary>The default: rolling, 7 days ahead, the new day opens at 07:00.</summary>
    public static ReleasePolicy RollingSevenDays { get; } = new(7, new TimeOnly(7, 0), null);

    public int WindowDays { get; init; } = FieldCheck.Range(WindowDays, 1, MaxWindowDays, nameof(WindowDays));

    // Stored to the minute (HH:mm): seconds would be lost at the next load and move the release.
    public TimeOnly DailyReleaseTime { get; init; } = DailyReleaseTime.Ticks % TimeSpan.TicksPerMinute == 0
        ? DailyReleaseTime
        : throw new InvalidFieldException(nameof(DailyReleaseTime), "Releases happen at whole minutes (HH:mm).");

    public DayOfWeek? WeeklyReleaseDay { get; init; } = CheckWeekly(WeeklyReleaseDay, WindowDays);

    /// <summary>The hospital-local instant at which <paramref name="visitDate"/> becomes bookable.</summary>
    public DateTimeOffset OpensAt(DateOnly visitDate) => OpensAt(visitDate, HospitalTime.China);

    /// <inheritdoc cref="OpensAt(DateOnly)"/>
    public DateTimeOffset OpensAt(DateOnly visitDate, HospitalTime time) => time.At(ReleaseDate(visitDate), DailyReleaseTime);

    /// <summary>Whether <paramref name="visitDate"/> is open for booking at <paramref name="now"/> (it opens exactly at <see cref="OpensAt(DateOnly)"/>).</summary>
    public bool IsReleased(DateOnly visitDate, DateTimeOffset now) => now >= OpensAt(visitDate);

    /// <inheritdoc cref="IsReleased(DateOnly, DateTimeOffset)"/>
    public bool IsReleased(DateOnly visitDate, DateTimeOffset now, HospitalTime time) => now >= OpensAt(visitDate, time);

    private DateOnly ReleaseDate(DateOnly visitDate)
    {
        if (WeeklyReleaseDay is not { } releaseDay) return visitDate.AddDays(-WindowDays);
        var weekStart = visitDate.AddDays(-DaysSinceMonday(visitDate.DayOfWeek));
        return weekStart.AddDays(-WindowDays + DaysSinceMonday(releaseDay));
    }

    private static DayOfWeek? CheckWeekly(DayOfWeek? day, int windowDays) => day switch
    {
        null => null,
        _ when windowDays % 7 != 0 => throw new InvalidFieldException(nameof(WindowDays), "A weekly release opens whole weeks: the window must be 7, 14, 21 or 28 days."),
        { } named => FieldCheck.Defined(named, nameof(WeeklyReleaseDay)),
    };

    private static int DaysSinceMonday(DayOfWeek day) => ((int)day + 6) % 7;
}
