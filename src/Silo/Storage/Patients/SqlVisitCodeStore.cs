using Dapper;
using Hospital.Grains.Patients;
using Hospital.Silo.Storage.SlotPools;

namespace Hospital.Silo.Storage.Patients;

/// <summary>Visit codes on either database; calls run on the thread pool because the SQLite driver blocks.</summary>
public sealed class SqlVisitCodeStore(IDbConnectionFactory connections) : IVisitCodeStore
{
    private const string Select =
        "SELECT patient_id AS PatientId, code_hash AS CodeHash, code_protected AS CodeProtected, issued_at AS IssuedAt FROM patient_visit_codes WHERE patient_id = @patientId";
    private const string Values = " (patient_id, code_hash, code_protected, issued_at) VALUES (@PatientId, @CodeHash, @CodeProtected, @IssuedAt)";

    public Task<StoredVisitCode?> FindAsync(string patientId, CancellationToken cancellationToken = default) => Task.Run(async () =>
    {
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        return (await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(Select, new { patientId }, cancellationToken: cancellationToken)))?.ToCode();
    }, cancellationToken);

    public Task<StoredVisitCode> AddOrGetAsync(StoredVisitCode candidate, CancellationToken cancellationToken = default) => Task.Run(async () =>
    {
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        // Two first asks at once both insert; the database keeps one, and both read that one back.
        await connection.ExecuteAsync(new CommandDefinition($"{connections.Dialect.InsertOrIgnoreInto} patient_visit_codes" + Values,
            Parameters(candidate), cancellationToken: cancellationToken));
        return (await connection.QuerySingleAsync<Row>(new CommandDefinition(Select, new { patientId = candidate.PatientId }, cancellationToken: cancellationToken))).ToCode();
    }, cancellationToken);

    public Task ReplaceAsync(StoredVisitCode code, CancellationToken cancellationToken = default) => Task.Run(async () =>
    {
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO patient_visit_codes" + Values + " " + connections.Dialect.OnConflictUpdate("patient_id", ["code_hash", "code_protected", "issued_at"]),
            Parameters(code), cancellationToken: cancellationToken));
    }, cancellationToken);

    private static object Parameters(StoredVisitCode code) =>
        new { code.PatientId, code.CodeHash, code.CodeProtected, IssuedAt = AppointmentRow.Utc(code.IssuedAt) };

    private sealed class Row
    {
        public string PatientId { get; set; } = "";
        public string CodeHash { get; set; } = "";
        public string CodeProtected { get; set; } = "";
        public DateTime IssuedAt { get; set; }

        public StoredVisitCode ToCode() => new(PatientId, CodeHash, CodeProtected, AppointmentRow.FromUtc(IssuedAt));
    }
}
