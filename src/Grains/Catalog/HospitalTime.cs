namespace Hospital.Grains.Catalog;

/// <summary>
/// The hospital's local time zone. Every <see cref="DateTimeOffset"/> the domain produces carries the
/// hospital's offset, so "07:00", "16:00 the day before" and "08:00 slot" mean wall-clock time at the hospital.
/// </summary>
public sealed class HospitalTime
{
    /// <summary>IANA id of China Standard Time, the default zone.</summary>
    public const string ChinaZoneId = "Asia/Shanghai";

    /// <summary>China Standard Time's offset, used when the machine has no time-zone database.</summary>
    public static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    /// <summary>China Standard Time (UTC+08:00, no daylight saving): the default for every rule.</summary>
    public static HospitalTime China { get; } = new(FindZone(ChinaZoneId, ChinaOffset));

    public HospitalTime(TimeZoneInfo zone) => Zone = zone;

    public TimeZoneInfo Zone { get; }

    /// <summary>The instant of wall-clock <paramref name="time"/> on <paramref name="date"/> at the hospital.</summary>
    public DateTimeOffset At(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }

    /// <summary>The same instant expressed with the hospital's offset.</summary>
    public DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>The hospital's calendar date at <paramref name="instant"/>.</summary>
    public DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(ToLocal(instant).DateTime);

    /// <summary>The hospital's current time according to <paramref name="clock"/>.</summary>
    public DateTimeOffset Now(TimeProvider clock) => ToLocal(clock.GetUtcNow());

    /// <summary>Looks a zone up by id; without a tz database (slim containers) falls back to a fixed offset.</summary>
    internal static TimeZoneInfo FindZone(string zoneId, TimeSpan fallbackOffset)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return TimeZoneInfo.CreateCustomTimeZone(zoneId, fallbackOffset, zoneId, zoneId);
        }
    }
}
