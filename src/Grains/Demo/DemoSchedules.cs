using Hospital.Grains.Catalog;

namespace Hospital.Grains.Demo;

/// <summary>
/// Weekly templates of one demo doctor: senior doctors hold fewer, smaller sessions (2–3, 20–30 slots), junior
/// ones more (4–5, 25–40 slots); slices of 10–30 minutes. Sessions run Monday–Saturday plus Sunday morning;
/// departments with evening clinics (儿科, 口腔科, 急诊科) also hold evening sessions.
/// </summary>
internal static class DemoSchedules
{
    private static readonly int[] s_slotMinutes = [10, 15, 20, 30];

    /// <summary>Emergency keeps more for walk-ins and has no doctor add-ons.</summary>
    private static readonly ChannelShares s_emergencyShares = new(0.3m, 0m);

    public static IEnumerable<ScheduleTemplate> For(Doctor doctor, DemoDepartmentData data, Room room, Random random)
    {
        var senior = doctor.Title is DoctorTitle.ChiefPhysician or DoctorTitle.AssociateChiefPhysician;
        var count = senior ? random.Next(2, 4) : random.Next(4, 6);
        var shares = data.Name == "急诊科" ? s_emergencyShares : ChannelShares.Standard;
        foreach (var (weekday, period) in Candidates(data).OrderBy(_ => random.Next()).Take(count).ToArray())
        {
            var quota = senior ? 20 + (5 * random.Next(3)) : 25 + (5 * random.Next(4));
            var slotMinutes = s_slotMinutes[random.Next(s_slotMinutes.Length)];
            yield return new ScheduleTemplate(doctor.Id, weekday, period, room.Code, quota, slotMinutes, shares);
        }
    }

    private static IEnumerable<(DayOfWeek, SessionPeriod)> Candidates(DemoDepartmentData data)
    {
        for (var day = DayOfWeek.Monday; day <= DayOfWeek.Saturday; day++)
        {
            yield return (day, SessionPeriod.Morning);
            yield return (day, SessionPeriod.Afternoon);
            if (data.HoldsEveningClinics) yield return (day, SessionPeriod.Evening);
        }

        yield return (DayOfWeek.Sunday, SessionPeriod.Morning);
    }
}
