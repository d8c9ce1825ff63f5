using Hospital.Grains.Rules;

namespace Hospital.Grains.Catalog;

/// <summary>A consulting room (诊室) of a department; <paramref name="Code"/> is what schedule templates and sessions name.</summary>
/// <remarks>
/// <para><c>Code</c>: Short unique code, e.g. 3B-05.</para>
/// <para><c>Location</c>: Full directions shown on the ticket, e.g. 门诊楼3层B区5诊室.</para>
/// </remarks>
public sealed record Room(string Code, int DepartmentId, string Location)
{
    /// <summary>The rooms table's key column; templates and sessions copy the code.</summary>
    public const int MaxCodeLength = 32;
    public const int MaxLocationLength = 128;

    public string Code { get; init; } = FieldCheck.Line(Code, MaxCodeLength, nameof(Code));
    public int DepartmentId { get; init; } = FieldCheck.Id(DepartmentId, nameof(DepartmentId));
    public string Location { get; init; } = FieldCheck.Line(Location, MaxLocationLength, nameof(Location));
}
