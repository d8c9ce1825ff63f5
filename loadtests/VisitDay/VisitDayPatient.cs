using Hospital.LoadTests.Consistency;
using Hospital.LoadTests.Scenarios;

namespace Hospital.LoadTests.VisitDay;

/// <summary>A patient booked (and paid) into one of the visit day's sessions, when their slot starts, and when they come to check in.</summary>
/// <remarks><c>ArrivesAfter</c>: time from the morning's start to the check-in; null for a patient who never comes.</remarks>
public sealed record VisitDayPatient(LoadPatient Patient, AcknowledgedHold Booking, DateTimeOffset SlotStartsAt, TimeSpan? ArrivesAfter, bool Late)
{
    /// <summary>Share of patients who never come, and of those who come after their slot started (the rest come before it).</summary>
    public const int NeverOneIn = 20, LateOneIn = 8;

    /// <summary>
    /// Plans the morning's arrivals: most on time (before their slot, spread over the morning's first 80%), one in
    /// <see cref="LateOneIn"/> late (5 to 20 s after their slot started, when that is still within the morning), one in
    /// <see cref="NeverOneIn"/> never. A patient whose slot starts too soon for an on-time arrival after T0 comes as soon as the morning starts.
    /// </summary>
    public static VisitDayPatient Plan(LoadPatient patient, AcknowledgedHold booking, DateTimeOffset slotStartsAt, DateTimeOffset morningStart,
        TimeSpan morning, Random random)
    {
        var untilSlot = slotStartsAt - morningStart;
        if (random.Next(NeverOneIn) == 0) return new VisitDayPatient(patient, booking, slotStartsAt, null, Late: false);
        if (random.Next(LateOneIn) == 0 && untilSlot + TimeSpan.FromSeconds(20) < morning)
            return new VisitDayPatient(patient, booking, slotStartsAt, untilSlot + TimeSpan.FromSeconds(5 + random.Next(15)), Late: true);
        var onTime = TimeSpan.FromTicks((long)(random.NextDouble() * Math.Clamp((untilSlot - TimeSpan.FromSeconds(5)).Ticks, 0, morning.Ticks * 4 / 5)));
        return new VisitDayPatient(patient, booking, slotStartsAt, onTime, Late: false);
    }
}
