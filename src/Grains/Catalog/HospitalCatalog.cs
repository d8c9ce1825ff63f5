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

    /// <summary>The release policy of a department.</summary>
    public ReleasePolicy ReleasePolicyFor(int departmentId) =>
        ReleasePolicies.TryGetValue(departmentId, out var policy) ? policy : ReleasePolicy.RollingSevenDays;
}
