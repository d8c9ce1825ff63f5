using Dapper;
using Hospital.Grains.Patients;
using Hospital.Silo.Storage.SlotPools;

namespace Hospital.Silo.Storage.Patients;

/// <summary>The record access audit on either database; calls run on the thread pool because the SQLite driver blocks.</summary>
public sealed class SqlRecordAccessStore(IDbConnectionFactory connections) : IRecordAccessStore
{
    public Task AddAsync(RecordAccess access, CancellationToken cancellationToken = default) => Task.Run(async () =>
    {
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO patient_record_access (patient_id, staff_id, reason, at) VALUES (@PatientId, @StaffId, @Reason, @At)",
            new { access.PatientId, access.StaffId, access.Reason, At = AppointmentRow.Utc(access.At) }, cancellationToken: cancellationToken));
    }, cancellationToken);

    public Task<IReadOnlyList<RecordAccess>> LoadAsync(string patientId, CancellationToken cancellationToken = default) =>
        Task.Run<IReadOnlyList<RecordAccess>>(async () =>
        {
            await using var connection = await connections.OpenConnectionAsync(cancellationToken);
            var rows = await connection.QueryAsync<Row>(new CommandDefinition(
                "SELECT patient_id AS PatientId, staff_id AS StaffId, reason AS Reason, at AS At FROM patient_record_access WHERE patient_id = @patientId ORDER BY id",
                new { patientId }, cancellationToken: cancellationToken));
            return [.. rows.Select(r => new RecordAccess(r.PatientId, r.StaffId, r.Reason, AppointmentRow.FromUtc(r.At)))];
        }, cancellationToken);

    private sealed class Row
    {
        public string PatientId { get; set; } = "";
        public string StaffId { get; set; } = "";
        public string Reason { get; set; } = "";
        public DateTime At { get; set; }
    }
}
