using Hospital.Grains.SlotPools;

namespace Hospital.Grains.Appointments;

/// <summary>
/// Reads of stored appointments across sessions, for people finding again what they booked and staff reviewing it. Lists
/// are read a page at a time: <c>offset</c> rows skipped, at most <c>limit</c> returned, in a stable order.
/// </summary>
public interface IAppointmentReadStore
{
    /// <summary>A patient's appointments that pass <paramref name="filter"/>, newest slot first.</summary>
    Task<IReadOnlyList<AppointmentListItem>> ListPatientAppointmentsAsync(
        string patientId, AppointmentListFilter filter, int offset, int limit, CancellationToken cancellationToken = default);

    /// <summary>A session's appointments in slot order, every status included.</summary>
    Task<IReadOnlyList<AppointmentListItem>> ListSessionAppointmentsAsync(string sessionId, int offset, int limit, CancellationToken cancellationToken = default);

    /// <summary>Whose a stored session is (any date, unlike the browsing window), or null when it was never planned.</summary>
    Task<SessionOwner?> FindSessionOwnerAsync(string sessionId, CancellationToken cancellationToken = default);

    /// <summary>Every lifecycle transition of an appointment, oldest first.</summary>
    Task<IReadOnlyList<AuditEntry>> LoadAuditAsync(string appointmentId, CancellationToken cancellationToken = default);

    /// <summary>The doctor's sessions on or after <paramref name="from"/> in which someone holds a slot (held, booked, checked in or in visit).</summary>
    Task<IReadOnlyList<OccupiedSession>> FindOccupiedSessionsAsync(int doctorId, DateOnly from, CancellationToken cancellationToken = default);
}
