namespace Hospital.Grains.Catalog;

/// <summary>Patients' release watches (table release_watches): at most one per patient, department and date.</summary>
public interface IReleaseWatchStore
{
    /// <summary>Stores the watch unless the patient already watches that department's date.</summary>
    Task AddAsync(string patientId, int departmentId, DateOnly visitDate, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>The watches of visit dates on or after <paramref name="firstDate"/>.</summary>
    Task<IReadOnlyList<ReleaseWatch>> FindFromAsync(DateOnly firstDate, CancellationToken cancellationToken = default);
}
