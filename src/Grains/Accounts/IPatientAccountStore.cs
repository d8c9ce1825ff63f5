namespace Hospital.Grains.Accounts;

/// <summary>Patient accounts (table patient_accounts).</summary>
public interface IPatientAccountStore
{
    /// <summary>Adds <paramref name="candidate"/>, or returns the account that already holds its phone.</summary>
    Task<PatientAccount> AddOrGetAsync(PatientAccount candidate, CancellationToken cancellationToken = default);

    Task<PatientAccount?> FindAsync(string accountId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes the account and its links to patients in one transaction (patients, appointments and their audit rows stay), so its
    /// phone can sign up anew; false when there was no such account.
    /// </summary>
    Task<bool> DeleteAsync(string accountId, CancellationToken cancellationToken = default);
}
