namespace Hospital.Grains.Catalog;

/// <summary>
/// A dated doctor session (出诊): the definition a SlotPoolGrain is created from. <see cref="SessionId"/> comes
/// from <see cref="SessionKey"/>; <see cref="Slots"/> are numbered 1..<see cref="Quota"/> in time order.
/// </summary>
/// <remarks>
/// <para><c>Fee</c>: Registration fee in yuan, copied from the doctor when generated.</para>
/// <para><c>OpensAt</c>: When booking opens, from the department's <see cref="ReleasePolicy"/>.</para>
/// </remarks>
public sealed record SessionDefinition(
    string SessionId,
    int DoctorId,
    int DepartmentId,
    DateOnly Date,
    SessionPeriod Period,
    string Room,
    decimal Fee,
    int Quota,
    DateTimeOffset OpensAt,
    IReadOnlyList<SlotDefinition> Slots)
{
    /// <summary>The slot with number <paramref name="slotNo"/>, or null when out of range.</summary>
    public SlotDefinition? FindSlot(int slotNo) => slotNo >= 1 && slotNo <= Slots.Count ? Slots[slotNo - 1] : null;

    /// <summary>Start of the first slot.</summary>
    public DateTimeOffset StartsAt => Slots[0].StartsAt;
}
