using Hospital.Grains.Rules;

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
    double Rating)
{
    public const int MaxNameLength = 32;
    public const int MaxIntroductionLength = 1024;

    /// <summary>
    /// Specialties are stored as one JSON array in a 512-character column, and the storage JSON escapes every non-ASCII
    /// character as \uXXXX (six characters): 5 specialties of 16 characters take at most 496.
    /// </summary>
    public const int MaxSpecialties = 5;
    public const int MaxSpecialtyLength = 16;

    /// <summary>Far above any public hospital's registration fee (特需 clinics charge a few hundred yuan), far below the column's DECIMAL(10,2).</summary>
    public const decimal MaxFee = 10_000m;

    public const double MaxRating = 5;

    public int Id { get; init; } = FieldCheck.Id(Id, nameof(Id));
    public int DepartmentId { get; init; } = FieldCheck.Id(DepartmentId, nameof(DepartmentId));
    public string Name { get; init; } = FieldCheck.Line(Name, MaxNameLength, nameof(Name));
    public DoctorTitle Title { get; init; } = FieldCheck.Defined(Title, nameof(Title));
    public IReadOnlyList<string> Specialties { get; init; } = CheckSpecialties(Specialties);
    public decimal Fee { get; init; } = FieldCheck.Range(Fee, 0m, MaxFee, decimals: 2, nameof(Fee));
    public string Introduction { get; init; } = FieldCheck.Text(Introduction, MaxIntroductionLength, nameof(Introduction));
    public double Rating { get; init; } = FieldCheck.Range(Rating, 0, MaxRating, nameof(Rating));

    /// <summary>The first day the doctor no longer works, or null; a retired doctor stays in the catalog for history.</summary>
    public DateOnly? RetiredFrom { get; init; }

    /// <summary>Why the doctor retired (for admins), or null.</summary>
    public string? RetireReason { get; init; }

    public const int MaxRetireReasonLength = 256;

    /// <summary>Whether the doctor no longer works on <paramref name="date"/>.</summary>
    public bool IsRetiredOn(DateOnly date) => RetiredFrom <= date;

    // A null or blank specialty would also break every later doctor search, which matches on them.
    private static IReadOnlyList<string> CheckSpecialties(IReadOnlyList<string> specialties)
    {
        if (specialties.Count > MaxSpecialties)
            throw new InvalidFieldException(nameof(Specialties), $"At most {MaxSpecialties} specialties; got {specialties.Count}.");
        foreach (var specialty in specialties) FieldCheck.Line(specialty, MaxSpecialtyLength, nameof(Specialties));
        return specialties;
    }
}
