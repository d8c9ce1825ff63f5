using Hospital.Grains.Rules;

namespace Hospital.Grains.Catalog;

/// <summary>A clinical department (科室): where it is and what it treats. Field sizes are the columns' (schema 0002).</summary>
/// <remarks>
/// <para><c>Location</c>: Where patients go, e.g. 门诊楼3层B区.</para>
/// <para><c>Description</c>: What the department treats, shown to patients choosing a department.</para>
/// </remarks>
public sealed record Department(int Id, string Name, string Location, string Description)
{
    public const int MaxNameLength = 64;
    public const int MaxLocationLength = 128;
    public const int MaxDescriptionLength = 512;

    public int Id { get; init; } = FieldCheck.Id(Id, nameof(Id));
    public string Name { get; init; } = FieldCheck.Line(Name, MaxNameLength, nameof(Name));
    public string Location { get; init; } = FieldCheck.Line(Location, MaxLocationLength, nameof(Location));
    public string Description { get; init; } = FieldCheck.Text(Description, MaxDescriptionLength, nameof(Description));
}
