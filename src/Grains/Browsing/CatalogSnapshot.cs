using Hospital.Grains.Catalog;

namespace Hospital.Grains.Browsing;

/// <summary>One consistent, indexed view of the catalog and the sessions of the booking window.</summary>
public sealed class CatalogSnapshot
{
    public static CatalogSnapshot Empty { get; } = new(new HospitalCatalog([], [], [], [], new Dictionary<int, ReleasePolicy>()), []);

    private readonly Dictionary<int, Department> _departments;
    private readonly Dictionary<int, Doctor> _doctors;
    private readonly Dictionary<string, SessionDefinition> _sessions;
    private readonly ILookup<int, SessionDefinition> _sessionsByDoctor;
    private readonly ILookup<int, SessionDefinition> _sessionsByDepartment;

    public CatalogSnapshot(HospitalCatalog catalog, IEnumerable<SessionDefinition> sessions)
    {
        Catalog = catalog;
        _departments = catalog.Departments.ToDictionary(d => d.Id);
        _doctors = catalog.Doctors.ToDictionary(d => d.Id);
        var ordered = sessions.OrderBy(s => s.Date).ThenBy(s => s.Period).ToList();
        _sessions = ordered.ToDictionary(s => s.SessionId);
        _sessionsByDoctor = ordered.ToLookup(s => s.DoctorId);
        _sessionsByDepartment = ordered.ToLookup(s => s.DepartmentId);
    }

    public HospitalCatalog Catalog { get; }

    public Department? FindDepartment(int id) => _departments.GetValueOrDefault(id);

    public Doctor? FindDoctor(int id) => _doctors.GetValueOrDefault(id);

    public SessionDefinition? FindSession(string sessionId) => _sessions.GetValueOrDefault(sessionId);

    /// <summary>
    /// Doctors still working on <paramref name="workingOn"/> (not retired by then), of a department and/or whose name,
    /// specialties or department name contain <paramref name="keyword"/>.
    /// </summary>
    public IEnumerable<Doctor> SearchDoctors(int? departmentId, string? keyword, DateOnly workingOn) =>
        Catalog.Doctors.Where(d => !d.IsRetiredOn(workingOn) && (departmentId is null || d.DepartmentId == departmentId)
            && (string.IsNullOrWhiteSpace(keyword) || Matches(d, keyword.Trim())));

    public IEnumerable<SessionDefinition> SessionsOfDoctor(int doctorId, DateOnly from, DateOnly to) =>
        _sessionsByDoctor[doctorId].Where(s => s.Date >= from && s.Date <= to);

    public IEnumerable<SessionDefinition> SessionsOfDepartment(int departmentId, DateOnly date) =>
        _sessionsByDepartment[departmentId].Where(s => s.Date == date);

    private bool Matches(Doctor doctor, string keyword) =>
        doctor.Name.Contains(keyword, StringComparison.OrdinalIgnoreCase)
        || doctor.Specialties.Any(s => s.Contains(keyword, StringComparison.OrdinalIgnoreCase))
        || (FindDepartment(doctor.DepartmentId)?.Name.Contains(keyword, StringComparison.OrdinalIgnoreCase) ?? false);
}
