using Hospital.Grains.Abstractions.Booking;
using Hospital.Grains.Catalog;

namespace Hospital.Silo.Storage.Catalog;

internal sealed class TemplateRow : ICatalogRow
{
    public const string Select = "SELECT doctor_id AS DoctorId, weekday AS Weekday, period AS Period, room AS Room, quota AS Quota, " +
        "slot_minutes AS SlotMinutes, phone_window_share AS PhoneWindowShare, add_on_share AS AddOnShare, ends_from AS EndsFrom FROM schedule_templates ORDER BY id";

    public long DoctorId { get; set; }
    public long Weekday { get; set; }
    public string Period { get; set; } = "";
    public string Room { get; set; } = "";
    public long Quota { get; set; }
    public long SlotMinutes { get; set; }
    public decimal PhoneWindowShare { get; set; }
    public decimal AddOnShare { get; set; }
    public object? EndsFrom { get; set; }

    public static TemplateRow From(ScheduleTemplate t) => new()
    {
        DoctorId = t.DoctorId, Weekday = (long)t.Weekday, Period = t.Period.ToString(), Room = t.Room, Quota = t.Quota,
        SlotMinutes = t.SlotMinutes, PhoneWindowShare = t.Shares.PhoneWindow, AddOnShare = t.Shares.DoctorAddOn,
        EndsFrom = t.EndsFrom is { } end ? SessionDates.Format(end) : null,
    };

    public ScheduleTemplate ToTemplate() => new(checked((int)DoctorId), checked((DayOfWeek)Weekday), Enum.Parse<SessionPeriod>(Period), Room, checked((int)Quota),
        checked((int)SlotMinutes), new ChannelShares(PhoneWindowShare, AddOnShare)) { EndsFrom = EndsFrom is null ? null : SessionDates.Parse(EndsFrom) };

    /// <summary>The row's unique key, as an operator finds it in the table.</summary>
    public string Key => $"doctor_id={DoctorId}, weekday={Weekday}, period={Period}";

    public IReadOnlyDictionary<string, object?> Columns() => new Dictionary<string, object?>
    {
        ["doctor_id"] = DoctorId, ["weekday"] = Weekday, ["period"] = Period, ["room"] = Room, ["quota"] = Quota,
        ["slot_minutes"] = SlotMinutes, ["phone_window_share"] = PhoneWindowShare, ["add_on_share"] = AddOnShare, ["ends_from"] = EndsFrom,
    };
}
