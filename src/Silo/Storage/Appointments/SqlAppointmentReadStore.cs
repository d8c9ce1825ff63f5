using Dapper;
using Hospital.Grains.Abstractions.Booking;
using Hospital.Grains.Appointments;
using Hospital.Grains.SlotPools;
using Hospital.Silo.Storage.SlotPools;

namespace Hospital.Silo.Storage.Appointments;

/// <summary>Appointment lists and audit trails on either database; calls run on the thread pool because the SQLite driver blocks.</summary>
public sealed class SqlAppointmentReadStore(IDbConnectionFactory connections) : IAppointmentReadStore
{
    // Periods are stored by name, which does not sort by time of day.
    private const string PeriodRank = "CASE s.period WHEN 'Morning' THEN 0 WHEN 'Afternoon' THEN 1 ELSE 2 END";

    /// <summary>Live appointments hold their slot (slot_lock = 1) from the hold until the visit ends or they are given up.</summary>
    private const string Occupying = "a.slot_lock = 1";

    public Task<IReadOnlyList<AppointmentListItem>> ListPatientAppointmentsAsync(
        string patientId, AppointmentListFilter filter, int offset, int limit, CancellationToken cancellationToken = default)
    {
        var where = new List<string> { "a.patient_id = @PatientId" };
        if (filter.Statuses.Count > 0) where.Add("a.status IN @Statuses");
        if (filter.Timing is { } timing) where.Add(timing == VisitTiming.Upcoming ? "s.visit_date >= @Today" : "s.visit_date < @Today");
        if (filter.DepartmentIds is not null) where.Add(filter.DepartmentIds.Count == 0 ? "1 = 0" : "s.department_id IN @DepartmentIds");
        var parameters = new
        {
            PatientId = patientId, Statuses = filter.Statuses.Select(s => s.ToString()).ToList(), Today = SessionDates.Format(filter.Today),
            filter.DepartmentIds, Offset = offset, Limit = limit,
        };
        return ListAsync($"WHERE {string.Join(" AND ", where)} ORDER BY s.visit_date DESC, {PeriodRank} DESC, a.slot_no DESC, a.id DESC", parameters, cancellationToken);
    }

    public Task<IReadOnlyList<AppointmentListItem>> ListSessionAppointmentsAsync(string sessionId, int offset, int limit, CancellationToken cancellationToken = default) =>
        ListAsync("WHERE a.session_id = @SessionId ORDER BY a.slot_no, a.held_at, a.id", new { SessionId = sessionId, Offset = offset, Limit = limit }, cancellationToken);

    public Task<SessionOwner?> FindSessionOwnerAsync(string sessionId, CancellationToken cancellationToken = default) => Task.Run(async () =>
    {
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<OwnerRow>(new CommandDefinition(
            "SELECT doctor_id AS DoctorId, department_id AS DepartmentId FROM sessions WHERE session_id = @sessionId", new { sessionId }, cancellationToken: cancellationToken));
        return row is null ? null : new SessionOwner((int)row.DoctorId, (int)row.DepartmentId);
    }, cancellationToken);

    public Task<IReadOnlyList<AuditEntry>> LoadAuditAsync(string appointmentId, CancellationToken cancellationToken = default) =>
        Task.Run<IReadOnlyList<AuditEntry>>(async () =>
        {
            await using var connection = await connections.OpenConnectionAsync(cancellationToken);
            var rows = await connection.QueryAsync<AuditRow>(new CommandDefinition(
                "SELECT appointment_id AS AppointmentId, at AS At, actor AS Actor, from_status AS FromStatus, to_status AS ToStatus, reason AS Reason " +
                "FROM appointment_audit WHERE appointment_id = @appointmentId ORDER BY id", new { appointmentId }, cancellationToken: cancellationToken));
            return rows.Select(r => r.ToEntry()).ToList();
        }, cancellationToken);

    public Task<IReadOnlyList<OccupiedSession>> FindOccupiedSessionsAsync(int doctorId, DateOnly from, CancellationToken cancellationToken = default) =>
        Task.Run<IReadOnlyList<OccupiedSession>>(async () =>
        {
            await using var connection = await connections.OpenConnectionAsync(cancellationToken);
            var rows = await connection.QueryAsync<OccupiedRow>(new CommandDefinition(
                "SELECT s.session_id AS SessionId, s.visit_date AS VisitDate, s.period AS Period, COUNT(*) AS Appointments " +
                $"FROM sessions s JOIN appointments a ON a.session_id = s.session_id WHERE s.doctor_id = @DoctorId AND s.visit_date >= @From AND {Occupying} " +
                "GROUP BY s.session_id, s.visit_date, s.period ORDER BY s.visit_date, s.session_id",
                new { DoctorId = doctorId, From = SessionDates.Format(from) }, cancellationToken: cancellationToken));
            return rows.Select(r => new OccupiedSession(r.SessionId, SessionDates.Parse(r.VisitDate), Enum.Parse<SessionPeriod>(r.Period), (int)r.Appointments)).ToList();
        }, cancellationToken);

    /// <summary>One page of appointments joined with their session and patient; <paramref name="tail"/> filters and orders.</summary>
    private Task<IReadOnlyList<AppointmentListItem>> ListAsync(string tail, object parameters, CancellationToken cancellationToken) =>
        Task.Run<IReadOnlyList<AppointmentListItem>>(async () =>
        {
            await using var connection = await connections.OpenConnectionAsync(cancellationToken);
            var rows = await connection.QueryAsync<ListRow>(new CommandDefinition(ListRow.Select + " " + tail + " LIMIT @Limit OFFSET @Offset",
                parameters, cancellationToken: cancellationToken));
            return rows.Select(r => r.ToItem()).ToList();
        }, cancellationToken);

    private sealed class ListRow
    {
        /// <summary>Aliases: a (appointments), s (sessions), p (patients; a patient row always exists, but a list must not lose an appointment if not).</summary>
        public const string Select =
            "SELECT a.id AS Id, a.session_id AS SessionId, s.doctor_id AS DoctorId, s.department_id AS DepartmentId, s.visit_date AS VisitDate, " +
            "s.period AS Period, a.slot_no AS SlotNo, a.patient_id AS PatientId, p.name AS PatientName, p.id_number_masked AS PatientIdNumber, p.phone_masked AS PatientPhone, a.channel AS Channel, a.status AS Status, a.fee AS Fee " +
            "FROM appointments a JOIN sessions s ON s.session_id = a.session_id LEFT JOIN patients p ON p.id = a.patient_id";

        public string Id { get; set; } = "";
        public string SessionId { get; set; } = "";
        public long DoctorId { get; set; }
        public long DepartmentId { get; set; }
        public object VisitDate { get; set; } = "";
        public string Period { get; set; } = "";
        public long SlotNo { get; set; }
        public string PatientId { get; set; } = "";
        public string? PatientName { get; set; }
        public string? PatientIdNumber { get; set; }
        public string? PatientPhone { get; set; }
        public string Channel { get; set; } = "";
        public string Status { get; set; } = "";
        public decimal Fee { get; set; }

        public AppointmentListItem ToItem() => new(Id, SessionId, (int)DoctorId, (int)DepartmentId, SessionDates.Parse(VisitDate),
            Enum.Parse<SessionPeriod>(Period), (int)SlotNo, PatientId, Grains.Abstractions.Privacy.PersonalDataMask.Name(PatientName),
            PatientIdNumber ?? "", PatientPhone ?? "",
            Enum.Parse<BookingChannel>(Channel), Enum.Parse<AppointmentStatus>(Status), Fee);
    }

    private sealed class AuditRow
    {
        public string AppointmentId { get; set; } = "";
        public DateTime At { get; set; }
        public string Actor { get; set; } = "";
        public string? FromStatus { get; set; }
        public string ToStatus { get; set; } = "";
        public string Reason { get; set; } = "";

        public AuditEntry ToEntry() => new(AppointmentId, AppointmentRow.FromUtc(At), Actor,
            FromStatus is null ? null : Enum.Parse<AppointmentStatus>(FromStatus), Enum.Parse<AppointmentStatus>(ToStatus), Reason);
    }

    private sealed class OwnerRow
    {
        public long DoctorId { get; set; }
        public long DepartmentId { get; set; }
    }

    private sealed class OccupiedRow
    {
        public string SessionId { get; set; } = "";
        public object VisitDate { get; set; } = "";
        public string Period { get; set; } = "";
        public long Appointments { get; set; }
    }
}
