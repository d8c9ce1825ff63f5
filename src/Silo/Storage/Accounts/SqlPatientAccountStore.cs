using System.Data.Common;
using Dapper;
using Hospital.Grains.Accounts;
using Hospital.Silo.Storage.SlotPools;

namespace Hospital.Silo.Storage.Accounts;

/// <summary>Patient accounts on either database; calls run on the thread pool because the SQLite driver blocks.</summary>
public sealed class SqlPatientAccountStore(IDbConnectionFactory connections) : IPatientAccountStore
{
    private const string Select =
        "SELECT id AS Id, phone_hash AS PhoneFingerprint, phone_masked AS PhoneMasked, phone_protected AS PhoneProtected, created_at AS CreatedAt FROM patient_accounts";

    public Task<PatientAccount> AddOrGetAsync(PatientAccount candidate, CancellationToken cancellationToken = default) => Task.Run(async () =>
    {
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO patient_accounts (id, phone_hash, phone_masked, phone_protected, created_at) VALUES (@Id, @PhoneFingerprint, @PhoneMasked, @PhoneProtected, @CreatedAt)",
                new { candidate.Id, candidate.PhoneFingerprint, candidate.PhoneMasked, candidate.PhoneProtected, CreatedAt = AppointmentRow.Utc(candidate.CreatedAt) },
                cancellationToken: cancellationToken));
            return candidate;
        }
        catch (DbException e) when (connections.Dialect.IsDuplicateKey(e))
        {
            // The phone's first logins raced (two devices): both get the one account the database kept.
            var row = await connection.QuerySingleAsync<Row>(new CommandDefinition(
                Select + " WHERE phone_hash = @PhoneFingerprint", new { candidate.PhoneFingerprint }, cancellationToken: cancellationToken));
            return row.ToAccount();
        }
    }, cancellationToken);

    public Task<PatientAccount?> FindAsync(string accountId, CancellationToken cancellationToken = default) => Task.Run(async () =>
    {
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            Select + " WHERE id = @accountId", new { accountId }, cancellationToken: cancellationToken));
        return row?.ToAccount();
    }, cancellationToken);

    public Task<bool> DeleteAsync(string accountId, CancellationToken cancellationToken = default) => Task.Run(() =>
    {
        using var transaction = CommandTransaction.Begin(connections);
        transaction.Connection.Execute("DELETE FROM account_patients WHERE account_id = @accountId", new { accountId });
        var deleted = transaction.Connection.Execute("DELETE FROM patient_accounts WHERE id = @accountId", new { accountId }) == 1;
        transaction.Commit();
        return deleted;
    }, cancellationToken);

    private sealed class Row
    {
        public string Id { get; set; } = "";
        public string PhoneFingerprint { get; set; } = "";
        public string PhoneMasked { get; set; } = "";
        public string PhoneProtected { get; set; } = "";
        public DateTime CreatedAt { get; set; }

        public PatientAccount ToAccount() => new(Id, PhoneFingerprint, PhoneMasked, PhoneProtected, AppointmentRow.FromUtc(CreatedAt));
    }
}
