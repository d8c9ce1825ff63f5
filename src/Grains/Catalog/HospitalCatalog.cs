namespace Hospital.Grains.Catalog;

/// <summary>Everything a hospital offers for booking: departments, doctors, rooms, weekly templates and release policies.</summary>
/// <remarks>
/// <para><c>ReleasePolicies</c>: Per department id; departments not listed use <see cref="ReleasePolicy.RollingSevenDays"/>.</para>
/// </remarks>
public sealed record HospitalCatalog(
    IReadOnlyList<Department> Departments,
    IReadOnlyList<Doctor> Doctors,
    IReadOnlyList<Room> Rooms,
    IReadOnlyList<ScheduleTemplate> Templates,
    IReadOnlyDictionary<int, ReleasePolicy> ReleasePolicies)
{
    /// <summary>Stored rows left out of this catalog because they break a rule; empty for a catalog built in code.</summary>
    public IReadOnlyList<SkippedCatalogRow> SkippedRows { get; init; } = [];

    /// <summary>
    /// Whether a planned session falls on or after its doctor's retirement or its template's end: planning would no longer
    /// make it, so browsing leaves it out unless it still has live appointments (an admin stops those first).
    /// </summary>
    public bool Withdraws(SessionDefinition session) =>
        Doctors.FirstOrDefault(d => d.Id == session.DoctorId)?.IsRetiredOn(session.Date) == true
        || Templates.FirstOrDefault(t => t.DoctorId == session.DoctorId && t.Weekday == session.Date.DayOfWeek && t.Period == session.Period)
            ?.EndsFrom <= session.Date;

    /// <summary>The release policy of a department.</summary>
    public ReleasePolicy ReleasePolicyFor(int departmentId) =>
        ReleasePolicies.TryGetValue(departmentId, out var policy) ? policy : ReleasePolicy.RollingSevenDays;
}
