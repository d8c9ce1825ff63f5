namespace Hospital.Grains.Catalog;

/// <summary>A doctor's weekly recurring session (出诊模板), from which <see cref="SessionGenerator"/> makes dated sessions.</summary>
/// <remarks>
/// <para><c>Room</c>: The <see cref="Catalog.Room.Code"/> the doctor sees patients in.</para>
/// <para><c>Quota</c>: Slots (号) per session, at least 1.</para>
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
    /// <summary>Slots are time slices of at most 30 minutes (DESIGN.md, Rules).</summary>
    public const int MaxSlotMinutes = 30;

    public int Quota { get; init; } = Quota >= 1
        ? Quota
        : throw new ArgumentOutOfRangeException(nameof(Quota), Quota, "A session has at least one slot.");

    public int SlotMinutes { get; init; } = SlotMinutes is >= 1 and <= MaxSlotMinutes
        ? SlotMinutes
        : throw new ArgumentOutOfRangeException(nameof(SlotMinutes), SlotMinutes, $"A slot lasts 1–{MaxSlotMinutes} minutes.");
}
