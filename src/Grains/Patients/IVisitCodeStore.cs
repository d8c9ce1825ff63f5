namespace Hospital.Grains.Patients;

/// <summary>Patients' visit codes (table patient_visit_codes), one per patient.</summary>
public interface IVisitCodeStore
{
    Task<StoredVisitCode?> FindAsync(string patientId, CancellationToken cancellationToken = default);

    /// <summary>Stores <paramref name="candidate"/> unless the patient has a code already; returns the code the patient has now.</summary>
    Task<StoredVisitCode> AddOrGetAsync(StoredVisitCode candidate, CancellationToken cancellationToken = default);

    /// <summary>Stores <paramref name="code"/> in place of the patient's code, or as its first.</summary>
    Task ReplaceAsync(StoredVisitCode code, CancellationToken cancellationToken = default);
}
