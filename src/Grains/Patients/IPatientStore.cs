namespace Hospital.Grains.Patients;

/// <summary>Durable storage of registered patients; personal data arrives here already protected.</summary>
public interface IPatientStore
{
    /// <summary>Stores a new patient, or returns the one already registered with the same ID number fingerprint.</summary>
    Task<StoredPatient> AddOrGetAsync(StoredPatient patient, CancellationToken cancellationToken = default);

    Task<StoredPatient?> FindAsync(string patientId, CancellationToken cancellationToken = default);

    /// <summary>The patient registered with the ID number whose keyed fingerprint is <paramref name="idNumberFingerprint"/>.</summary>
    Task<StoredPatient?> FindByIdNumberAsync(string idNumberFingerprint, CancellationToken cancellationToken = default);

    /// <summary>The patient's appointments with their session's department and visit date.</summary>
    Task<IReadOnlyList<PatientAppointment>> LoadAppointmentsAsync(string patientId, CancellationToken cancellationToken = default);
}
