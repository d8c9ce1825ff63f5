using Hospital.Grains.Abstractions.Booking;

namespace Hospital.Grains.Catalog;

/// <summary>Durable storage of what the hospital offers: departments, rooms, doctors, weekly templates and dated sessions.</summary>
public interface ICatalogStore
{
    Task<HospitalCatalog> LoadCatalogAsync(CancellationToken cancellationToken = default);

    /// <summary>Creates or replaces a department together with its release policy.</summary>
    Task SaveDepartmentAsync(Department department, ReleasePolicy releasePolicy, CancellationToken cancellationToken = default);

    Task SaveRoomAsync(Room room, CancellationToken cancellationToken = default);

    Task SaveDoctorAsync(Doctor doctor, CancellationToken cancellationToken = default);

    /// <summary>Creates or replaces the template of one doctor, weekday and period; sessions already generated keep their plan.</summary>
    Task SaveTemplateAsync(ScheduleTemplate template, CancellationToken cancellationToken = default);

    /// <summary>Marks the doctor retired from <paramref name="from"/> with a reason; the row stays for history, and saving the doctor keeps it.</summary>
    Task RetireDoctorAsync(int doctorId, DateOnly from, string reason, CancellationToken cancellationToken = default);

    /// <summary>Ends one weekly template from <paramref name="from"/>: no sessions on or after it.</summary>
    Task EndTemplateAsync(int doctorId, DayOfWeek weekday, SessionPeriod period, DateOnly from, CancellationToken cancellationToken = default);

    /// <summary>Stores the sessions that do not exist yet and returns how many were new; existing sessions are never overwritten.</summary>
    Task<int> AddMissingSessionsAsync(IReadOnlyList<SessionDefinition> sessions, CancellationToken cancellationToken = default);
}
