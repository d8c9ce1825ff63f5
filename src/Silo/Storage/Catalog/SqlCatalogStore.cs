using System.Text.Json;
using Dapper;
using Hospital.Grains.Abstractions.Booking;
using Hospital.Grains.Catalog;
using Hospital.Silo.Storage.SlotPools;

namespace Hospital.Silo.Storage.Catalog;

/// <summary>The catalog on either database; calls run on the thread pool because the SQLite driver blocks.</summary>
public sealed class SqlCatalogStore(IDbConnectionFactory connections) : ICatalogStore
{
    private static readonly RowSetColumn[] SessionColumns =
    [
        new("session_id", RowSetKind.Text), new("doctor_id", RowSetKind.Integer), new("department_id", RowSetKind.Integer),
        new("visit_date", RowSetKind.Text), new("period", RowSetKind.Text), new("room", RowSetKind.Text), new("fee", RowSetKind.Money),
        new("quota", RowSetKind.Integer), new("opens_at", RowSetKind.Instant), new("status", RowSetKind.Text),
    ];

    private static readonly RowSetColumn[] DefinitionColumns = [new("session_id", RowSetKind.Text), new("definition", RowSetKind.Text)];

    public Task<HospitalCatalog> LoadCatalogAsync(CancellationToken cancellationToken = default) => Task.Run(async () =>
    {
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        var reader = new CatalogRowReader();
        var departments = reader.Read(await connection.QueryAsync<DepartmentRow>(DepartmentRow.Select), "departments", d => $"id={d.Id}",
            d => (Department: d.ToDepartment(), Policy: d.ToReleasePolicy()));
        var departmentIds = departments.Select(d => d.Department.Id).ToHashSet();
        var doctors = reader.WithParent(reader.Read(await connection.QueryAsync<DoctorRow>(DoctorRow.Select), "doctors", d => $"id={d.Id}", d => d.ToDoctor()),
            "doctors", d => $"id={d.Id}", d => departmentIds.Contains(d.DepartmentId), d => $"department {d.DepartmentId}");
        var rooms = reader.WithParent(reader.Read(await connection.QueryAsync<RoomRow>(RoomRow.Select), "rooms", r => $"code={r.Code}", r => r.ToRoom()),
            "rooms", r => $"code={r.Code}", r => departmentIds.Contains(r.DepartmentId), r => $"department {r.DepartmentId}");
        var doctorIds = doctors.Select(d => d.Id).ToHashSet();
        // A template of a missing doctor would fail every session generation, so it goes too.
        var templates = reader.WithParent(reader.Read(await connection.QueryAsync<TemplateRow>(TemplateRow.Select), "schedule_templates", t => t.Key, t => t.ToTemplate()),
            "schedule_templates", t => TemplateRow.From(t).Key, t => doctorIds.Contains(t.DoctorId), t => $"doctor {t.DoctorId}");
        return new HospitalCatalog(
            departments.Select(d => d.Department).ToList(),
            doctors,
            rooms,
            templates,
            departments.ToDictionary(d => d.Department.Id, d => d.Policy)) { SkippedRows = reader.Skipped };
    }, cancellationToken);

    public Task SaveDepartmentAsync(Department department, ReleasePolicy releasePolicy, CancellationToken cancellationToken = default) =>
        UpsertAsync("departments", "id", DepartmentRow.From(department, releasePolicy), cancellationToken);

    public Task SaveRoomAsync(Room room, CancellationToken cancellationToken = default) =>
        UpsertAsync("rooms", "code", RoomRow.From(room), cancellationToken);

    public Task SaveDoctorAsync(Doctor doctor, CancellationToken cancellationToken = default) =>
        UpsertAsync("doctors", "id", DoctorRow.From(doctor), cancellationToken);

    public Task SaveTemplateAsync(ScheduleTemplate template, CancellationToken cancellationToken = default) =>
        UpsertAsync("schedule_templates", "doctor_id, weekday, period", TemplateRow.From(template), cancellationToken);

    public Task RetireDoctorAsync(int doctorId, DateOnly from, string reason, CancellationToken cancellationToken = default) =>
        ExecuteAsync("UPDATE doctors SET retired_from = @From, retire_reason = @Reason WHERE id = @DoctorId",
            new { DoctorId = doctorId, From = SessionDates.Format(from), Reason = reason }, cancellationToken);

    public Task EndTemplateAsync(int doctorId, DayOfWeek weekday, SessionPeriod period, DateOnly from, CancellationToken cancellationToken = default) =>
        ExecuteAsync("UPDATE schedule_templates SET ends_from = @From WHERE doctor_id = @DoctorId AND weekday = @Weekday AND period = @Period",
            new { DoctorId = doctorId, Weekday = (int)weekday, Period = period.ToString(), From = SessionDates.Format(from) }, cancellationToken);

    public Task<int> AddMissingSessionsAsync(IReadOnlyList<SessionDefinition> sessions, CancellationToken cancellationToken = default) => Task.Run(() =>
    {
        using var transaction = CommandTransaction.Begin(connections);
        var (connection, insertOrIgnore, timeout) = (transaction.Connection, connections.Dialect.InsertOrIgnoreInto, connections.BulkCommandTimeoutSeconds);
        var added = new RowSetCommand(connections.Dialect).Insert("sessions", SessionColumns, sessions, s =>
        [
            s.SessionId, s.DoctorId, s.DepartmentId, SessionDates.Format(s.Date), s.Period.ToString(), s.Room, s.Fee, s.Quota,
            AppointmentRow.Utc(s.OpensAt), "Open",
        ], verb: insertOrIgnore).Execute(connection, null, timeout);
        // A session that already existed keeps its definition, as it keeps its row.
        new RowSetCommand(connections.Dialect).Insert("session_definitions", DefinitionColumns, sessions,
            s => [s.SessionId, JsonSerializer.Serialize(s, StorageJson.Options)], verb: insertOrIgnore).Execute(connection, null, timeout);
        transaction.Commit(timeout);
        return added;
    }, cancellationToken);

    private Task ExecuteAsync(string sql, object parameters, CancellationToken cancellationToken) => Task.Run(async () =>
    {
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
    }, cancellationToken);

    /// <summary>Inserts the row, or updates every other column when the key exists. Column names are the row's property names in snake_case.</summary>
    private Task UpsertAsync(string table, string key, ICatalogRow row, CancellationToken cancellationToken) => Task.Run(async () =>
    {
        var columns = row.Columns();
        var keyColumns = key.Split(", ");
        var sql = $"INSERT INTO {table} ({string.Join(", ", columns.Keys)}) VALUES ({string.Join(", ", columns.Keys.Select(c => "@" + c))}) " +
                  connections.Dialect.OnConflictUpdate(key, columns.Keys.Where(c => !keyColumns.Contains(c)));
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, new DynamicParameters(columns), cancellationToken: cancellationToken));
    }, cancellationToken);
}
