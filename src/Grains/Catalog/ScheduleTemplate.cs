using Hospital.Grains.Rules;

namespace Hospital.Grains.Catalog;

/// <summary>A doctor's weekly recurring session (出诊模板), from which <see cref="SessionGenerator"/> makes dated sessions.</summary>
/// <remarks>
/// <para><c>Room</c>: The <see cref="Catalog.Room.Code"/> the doctor sees patients in.</para>
/// <para><c>Quota</c>: Slots (号) per session, 1–<see cref="MaxQuota"/>.</para>
/// <para><c>SlotMinutes</c>: Length of one time slice, 1–<see cref="MaxSlotMinutes"/> minutes.</para>
/// </remarks>
public sealed record ScheduleTemplate(
    int DoctorId,
    DayOfWeek Weekday,
    SessionPeriod Period,
    string Room,
    int Quota,
    int SlotMinutes,
    ChannelShares Shares)
{
    /// <summary>Longest slot: a patient is given a time of day no more than 30 minutes wide.</summary>
    public const int MaxSlotMinutes = 30;

    /// <summary>
    /// Far more numbers than one doctor sees in a period, yet small enough that a session stays a small object: every
    /// slot lives in the pool's memory and in each GET /api/sessions/{id} (200,000 slots made a node use 1.6 GB).
    /// </summary>
    public const int MaxQuota = 1_000;

    public int DoctorId { get; init; } = FieldCheck.Id(DoctorId, nameof(DoctorId));

    public DayOfWeek Weekday { get; init; } = FieldCheck.Defined(Weekday, nameof(Weekday));

    public SessionPeriod Period { get; init; } = FieldCheck.Defined(Period, nameof(Period));

    public string Room { get; init; } = CheckRoom(Room);

    public int Quota { get; init; } = CheckQuota(Quota);

    public int SlotMinutes { get; init; } = CheckSlotMinutes(SlotMinutes);

    /// <summary>The first day the template no longer makes sessions, or null while it runs; saving the template again reopens it.</summary>
    public DateOnly? EndsFrom { get; init; }

    /// <summary>Whether the template makes a session on <paramref name="date"/> (its weekday, before its end).</summary>
    public bool RunsOn(DateOnly date) => date.DayOfWeek == Weekday && !(EndsFrom <= date);

    // Public so a caller can run each field's check on its own and report every bad field at once.
    public static string CheckRoom(string room) => FieldCheck.Line(room, Catalog.Room.MaxCodeLength, nameof(Room));

    public static int CheckQuota(int quota) => FieldCheck.Range(quota, 1, MaxQuota, nameof(Quota));

    public static int CheckSlotMinutes(int slotMinutes) => FieldCheck.Range(slotMinutes, 1, MaxSlotMinutes, nameof(SlotMinutes));
}
