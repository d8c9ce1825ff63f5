namespace Hospital.Grains.Patients;

/// <summary>The audit of staff reading patients' full records (table patient_record_access).</summary>
public interface IRecordAccessStore
{
    Task AddAsync(RecordAccess access, CancellationToken cancellationToken = default);

    /// <summary>The accesses to one patient's record, oldest first.</summary>
    Task<IReadOnlyList<RecordAccess>> LoadAsync(string patientId, CancellationToken cancellationToken = default);
}
