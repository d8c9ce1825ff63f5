namespace Hospital.Grains.Accounts;

/// <summary>Patient accounts (table patient_accounts).</summary>
public interface IPatientAccountStore
{
    /// <summary>Adds <paramref name="candidate"/>, or returns the account that already holds its phone.</summary>
    Task<PatientAccount> AddOrGetAsync(PatientAccount candidate, CancellationToken cancellationToken = default);

    Task<PatientAccount?> FindAsync(string accountId, CancellationToken cancellationToken = default);
}
