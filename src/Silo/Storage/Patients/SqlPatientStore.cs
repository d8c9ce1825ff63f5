using System.Data.Common;
using System.Globalization;
using Dapper;
using Hospital.Grains.Abstractions.Booking;
using Hospital.Grains.Catalog;
using Hospital.Grains.Patients;
using Hospital.Grains.Rules;
using Hospital.Silo.Storage.SlotPools;

namespace Hospital.Silo.Storage.Patients;

/// <summary>Patients on either database; calls run on the thread pool because the SQLite driver blocks.</summary>
public sealed class SqlPatientStore(IDbConnectionFactory connections) : IPatientStore
{
    private const string SelectPatient =
        "SELECT id AS Id, name AS Name, id_number_hash AS IdNumberFingerprint, id_number_masked AS IdNumberMasked, phone_masked AS PhoneMasked, " +
        "phone_protected AS PhoneProtected, birth_date AS BirthDate, sex AS Sex, created_at AS CreatedAt FROM patients";

    public Task<StoredPatient> AddOrGetAsync(StoredPatient patient, CancellationToken cancellationToken = default) => Task.Run(async () =>
    {
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO patients (id, name, id_number_hash, id_number_masked, phone_masked, phone_protected, birth_date, sex, created_at) " +
                "VALUES (@Id, @Name, @IdNumberFingerprint, @IdNumberMasked, @PhoneMasked, @PhoneProtected, @BirthDate, @Sex, @CreatedAt)",
                new
                {
                    patient.Id, patient.Name, patient.IdNumberFingerprint, patient.IdNumberMasked, patient.PhoneMasked, patient.PhoneProtected,
                    BirthDate = SessionDates.Format(patient.BirthDate), Sex = patient.Sex.ToString(), CreatedAt = AppointmentRow.Utc(patient.CreatedAt),
                }, cancellationToken: cancellationToken));
            return patient;
        }
        catch (DbException e) when (connections.Dialect.IsDuplicateKey(e))
        {
            var existing = await connection.QuerySingleAsync<PatientRow>(new CommandDefinition(
                SelectPatient + " WHERE id_number_hash = @IdNumberFingerprint", new { patient.IdNumberFingerprint }, cancellationToken: cancellationToken));
            return existing.ToPatient();
        }
    }, cancellationToken);

    public Task<StoredPatient?> FindAsync(string patientId, CancellationToken cancellationToken = default) => Task.Run(async () =>
    {
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<PatientRow>(new CommandDefinition(
            SelectPatient + " WHERE id = @patientId", new { patientId }, cancellationToken: cancellationToken));
        return row?.ToPatient();
    }, cancellationToken);

    public Task<StoredPatient?> FindByIdNumberAsync(string idNumberFingerprint, CancellationToken cancellationToken = default) => Task.Run(async () =>
    {
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<PatientRow>(new CommandDefinition(
            SelectPatient + " WHERE id_number_hash = @idNumberFingerprint", new { idNumberFingerprint }, cancellationToken: cancellationToken));
        return row?.ToPatient();
    }, cancellationToken);

    public Task<IReadOnlyList<PatientAppointment>> LoadAppointmentsAsync(string patientId, CancellationToken cancellationToken = default) =>
        Task.Run<IReadOnlyList<PatientAppointment>>(async () =>
        {
            await using var connection = await connections.OpenConnectionAsync(cancellationToken);
            var rows = await connection.QueryAsync<AppointmentRow>(new CommandDefinition(
                AppointmentRow.SelectWithDepartment + " WHERE a.patient_id = @patientId", new { patientId }, cancellationToken: cancellationToken));
            return rows.Select(ToPatientAppointment).ToList();
        }, cancellationToken);

    private static PatientAppointment ToPatientAppointment(AppointmentRow row)
    {
        var a = row.ToAppointment();
        var (_, visitDate, _) = SessionKey.Parse(a.SessionId);
        return new PatientAppointment(a.Id, a.SessionId, (int)row.DepartmentId, visitDate, a.Status, a.HeldAt,
            a.Status == AppointmentStatus.Held ? a.ExpiresAt : null, a.UpdatedAt, a.IdempotencyKey, a.RescheduledFrom);
    }

    private sealed class PatientRow
    {
        public string Id { get; set; } = "";
        public string Name { get; set; } = "";
        public string IdNumberFingerprint { get; set; } = "";
        public string IdNumberMasked { get; set; } = "";
        public string PhoneMasked { get; set; } = "";
        public string PhoneProtected { get; set; } = "";
        /// <summary>A DATE from MySQL, ISO text from SQLite.</summary>
        public object BirthDate { get; set; } = "";
        public string Sex { get; set; } = "";
        public DateTime CreatedAt { get; set; }

        public StoredPatient ToPatient() => new(Id, Name, IdNumberFingerprint, IdNumberMasked, PhoneMasked, PhoneProtected,
            BirthDate is DateTime date ? DateOnly.FromDateTime(date) : DateOnly.Parse((string)BirthDate, CultureInfo.InvariantCulture), Enum.Parse<Sex>(Sex), AppointmentRow.FromUtc(CreatedAt));
    }
}
