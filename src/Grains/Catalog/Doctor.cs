namespace Hospital.Grains.Catalog;

/// <summary>A doctor who holds sessions; <paramref name="Fee"/> is the registration fee (挂号费) in yuan per visit.</summary>
/// <remarks>
/// <para><c>Rating</c>: Average patient rating, 0–5.</para>
/// </remarks>
public sealed record Doctor(
    int Id,
    int DepartmentId,
    string Name,
    DoctorTitle Title,
    IReadOnlyList<string> Specialties,
    decimal Fee,
    string Introduction,
    double Rating);
