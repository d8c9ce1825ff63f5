namespace Hospital.Grains.Catalog;

/// <summary>
/// Turns weekly <see cref="ScheduleTemplate"/>s into dated <see cref="SessionDefinition"/>s.
/// </summary>
/// <remarks>
/// Slot times: slot 1 starts at the period's start (<see cref="SessionPeriodTimes"/>) and every slot lasts
/// <see cref="ScheduleTemplate.SlotMinutes"/> (at most 30). When Quota × SlotMinutes does not fit the period, several
/// numbers share one time slice, as Chinese tickets print "08:00–08:30 第1–4号": each slice takes
/// ⌈Quota / whole slices in the period⌉ numbers, so the last slice still ends within the period.
/// Channels: <see cref="ChannelShares.CountsFor"/> then <see cref="ChannelAssignment.Assign"/>.
/// </remarks>
public static class SessionGenerator
{
    /// <summary>
    /// Sessions of every running template on <paramref name="days"/> days from <paramref name="from"/>, ordered by date, period,
    /// doctor; none on or after a template's end or its doctor's retirement.
    /// </summary>
    public static IReadOnlyList<SessionDefinition> Generate(HospitalCatalog catalog, DateOnly from, int days, SessionGeneratorOptions? options = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        options ??= new SessionGeneratorOptions();
        var doctors = catalog.Doctors.ToDictionary(d => d.Id);
        var sessions = new List<SessionDefinition>();
        for (var date = from; date < from.AddDays(days); date = date.AddDays(1))
        {
            foreach (var template in catalog.Templates.Where(t => t.RunsOn(date)))
            {
                var doctor = doctors.TryGetValue(template.DoctorId, out var found)
                    ? found
                    : throw new InvalidOperationException($"Template names unknown doctor {template.DoctorId}.");
                if (!doctor.IsRetiredOn(date)) sessions.Add(Create(template, doctor, catalog.ReleasePolicyFor(doctor.DepartmentId), date, options));
            }
        }

        return [.. sessions.OrderBy(s => s.Date).ThenBy(s => s.Period).ThenBy(s => s.DoctorId)];
    }

    /// <summary>The session of one template on one date (which must fall on the template's weekday).</summary>
    public static SessionDefinition Create(ScheduleTemplate template, Doctor doctor, ReleasePolicy release, DateOnly date, SessionGeneratorOptions? options = null)
    {
        options ??= new SessionGeneratorOptions();
        if (date.DayOfWeek != template.Weekday)
            throw new ArgumentException($"{date} is a {date.DayOfWeek}, the template is for {template.Weekday}.", nameof(date));
        if (doctor.Id != template.DoctorId)
            throw new ArgumentException($"The template is for doctor {template.DoctorId}, not {doctor.Id}.", nameof(doctor));

        return new SessionDefinition(
            SessionKey.Build(doctor.Id, date, template.Period),
            doctor.Id,
            doctor.DepartmentId,
            date,
            template.Period,
            template.Room,
            doctor.Fee,
            template.Quota,
            release.OpensAt(date, options.Time),
            Slots(template, date, options));
    }

    private static SlotDefinition[] Slots(ScheduleTemplate template, DateOnly date, SessionGeneratorOptions options)
    {
        var periodMinutes = options.Periods.MinutesOf(template.Period);
        if (periodMinutes < template.SlotMinutes)
            throw new ArgumentException($"A {template.SlotMinutes}-minute slot does not fit the {template.Period} period.", nameof(template));

        var start = options.Time.At(date, options.Periods.StartOf(template.Period));
        var slicesInPeriod = periodMinutes / template.SlotMinutes;
        var numbersPerSlice = (template.Quota + slicesInPeriod - 1) / slicesInPeriod;
        var channels = ChannelAssignment.Assign(template.Shares.CountsFor(template.Quota));
        var slots = new SlotDefinition[template.Quota];
        for (var i = 0; i < slots.Length; i++)
        {
            var startsAt = start.AddMinutes(i / numbersPerSlice * template.SlotMinutes);
            slots[i] = new SlotDefinition(i + 1, startsAt, startsAt.AddMinutes(template.SlotMinutes), channels[i]);
        }

        return slots;
    }
}
