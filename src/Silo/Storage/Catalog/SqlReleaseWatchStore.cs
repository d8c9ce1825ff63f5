using Dapper;
using Hospital.Grains.Catalog;
using Hospital.Silo.Storage.SlotPools;

namespace Hospital.Silo.Storage.Catalog;

/// <summary>Release watches on either database; calls run on the thread pool because the SQLite driver blocks.</summary>
public sealed class SqlReleaseWatchStore(IDbConnectionFactory connections) : IReleaseWatchStore
{
    public Task AddAsync(string patientId, int departmentId, DateOnly visitDate, DateTimeOffset at, CancellationToken cancellationToken = default) => Task.Run(async () =>
    {
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            $"{connections.Dialect.InsertOrIgnoreInto} release_watches (patient_id, department_id, visit_date, created_at) VALUES (@patientId, @departmentId, @date, @at)",
            new { patientId, departmentId, date = SessionDates.Format(visitDate), at = AppointmentRow.Utc(at) }, cancellationToken: cancellationToken));
    }, cancellationToken);

    public Task<IReadOnlyList<ReleaseWatch>> FindFromAsync(DateOnly firstDate, CancellationToken cancellationToken = default) =>
        Task.Run<IReadOnlyList<ReleaseWatch>>(async () =>
        {
            await using var connection = await connections.OpenConnectionAsync(cancellationToken);
            var rows = await connection.QueryAsync<Row>(new CommandDefinition(
                "SELECT id AS Id, patient_id AS PatientId, department_id AS DepartmentId, visit_date AS VisitDate FROM release_watches WHERE visit_date >= @date ORDER BY id",
                new { date = SessionDates.Format(firstDate) }, cancellationToken: cancellationToken));
            return [.. rows.Select(r => new ReleaseWatch(r.Id, r.PatientId, (int)r.DepartmentId, SessionDates.Parse(r.VisitDate)))];
        }, cancellationToken);

    private sealed class Row
    {
        public long Id { get; set; }
        public string PatientId { get; set; } = "";
        public long DepartmentId { get; set; }
        public object VisitDate { get; set; } = "";
    }
}
