namespace Hospital.Grains.Catalog;

/// <summary>A clinical department (科室): where it is and what it treats.</summary>
/// <remarks>
/// <para><c>Location</c>: Where patients go, e.g. 门诊楼3层B区.</para>
/// <para><c>Description</c>: What the department treats, shown to patients choosing a department.</para>
/// </remarks>
public sealed record Department(int Id, string Name, string Location, string Description);
