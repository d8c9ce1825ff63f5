using Dapper;
using Hospital.Silo.Notifications;
using Hospital.Silo.Storage.SlotPools;

namespace Hospital.Silo.Storage.Notifications;

/// <summary>
/// What the visit notice sweep finds due, on either database: appointments of a kind that have no notice of a kind yet
/// (looked up by the outbox's appointment index), and patients past the monthly cancellation limit.
/// </summary>
public sealed class SqlVisitNotices(IDbConnectionFactory connections)
{
    private const string VisitColumns =
        "SELECT a.id AS AppointmentId, a.session_id AS SessionId, a.patient_id AS PatientId, a.slot_no AS SlotNo, s.visit_date AS VisitDate, " +
        "d.name AS DepartmentName, doc.name AS DoctorName, COALESCE(r.location, d.location) AS Location " +
        "FROM appointments a JOIN sessions s ON s.session_id = a.session_id JOIN departments d ON d.id = s.department_id " +
        "JOIN doctors doc ON doc.id = s.doctor_id LEFT JOIN rooms r ON r.code = s.room ";

    private const string NoNoticeYet = " AND NOT EXISTS (SELECT 1 FROM notifications n WHERE n.appointment_id = a.id AND n.kind = @kind)";

    /// <summary>Bookings (paid, not checked in) on <paramref name="visitDate"/> without a notice of <paramref name="kind"/>.</summary>
    public Task<IReadOnlyList<NoticeVisit>> FindBookedWithoutNoticeAsync(DateOnly visitDate, string kind, CancellationToken cancellationToken = default) =>
        FindAsync("WHERE a.status = 'Booked' AND s.visit_date = @date" + NoNoticeYet, new { date = SessionDates.Format(visitDate), kind }, cancellationToken);

    /// <summary>No-shows marked since <paramref name="since"/> without a notice of <paramref name="kind"/>.</summary>
    public Task<IReadOnlyList<NoticeVisit>> FindNoShowsWithoutNoticeAsync(DateTimeOffset since, string kind, CancellationToken cancellationToken = default) =>
        FindAsync("WHERE a.status = 'NoShow' AND a.updated_at >= @since" + NoNoticeYet, new { since = AppointmentRow.Utc(since), kind }, cancellationToken);

    /// <summary>Patients with at least <paramref name="count"/> cancellations of their own since <paramref name="since"/>.</summary>
    public Task<IReadOnlyList<string>> FindPatientsCancellingAtLeastAsync(DateTimeOffset since, int count, CancellationToken cancellationToken = default) =>
        Task.Run<IReadOnlyList<string>>(async () =>
        {
            await using var connection = await connections.OpenConnectionAsync(cancellationToken);
            return (await connection.QueryAsync<string>(new CommandDefinition(
                "SELECT patient_id FROM appointments WHERE status = 'Cancelled' AND rescheduled_from IS NULL AND updated_at >= @since " +
                "GROUP BY patient_id HAVING COUNT(*) >= @count", new { since = AppointmentRow.Utc(since), count }, cancellationToken: cancellationToken))).AsList();
        }, cancellationToken);

    private Task<IReadOnlyList<NoticeVisit>> FindAsync(string where, object parameters, CancellationToken cancellationToken) =>
        Task.Run<IReadOnlyList<NoticeVisit>>(async () =>
        {
            await using var connection = await connections.OpenConnectionAsync(cancellationToken);
            var rows = await connection.QueryAsync<VisitRow>(new CommandDefinition(VisitColumns + where + " ORDER BY a.id", parameters, cancellationToken: cancellationToken));
            return [.. rows.Select(r => new NoticeVisit(r.AppointmentId, r.SessionId, r.PatientId, (int)r.SlotNo, SessionDates.Parse(r.VisitDate),
                r.DepartmentName, r.DoctorName, r.Location))];
        }, cancellationToken);

    private sealed class VisitRow
    {
        public string AppointmentId { get; set; } = "";
        public string SessionId { get; set; } = "";
        public string PatientId { get; set; } = "";
        public long SlotNo { get; set; }
        public object VisitDate { get; set; } = "";
        public string DepartmentName { get; set; } = "";
        public string DoctorName { get; set; } = "";
        public string Location { get; set; } = "";
    }
}
