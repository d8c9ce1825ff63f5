using Hospital.Grains.Catalog;

namespace Hospital.Api.Apis.Contracts;

/// <summary>A department and when its sessions open for booking.</summary>
public sealed record DepartmentResponse(int Id, string Name, string Location, string Description, ReleasePolicyResponse Release)
{
    public static DepartmentResponse From(Department d, ReleasePolicy p) => new(d.Id, d.Name, d.Location, d.Description, ReleasePolicyResponse.From(p));
}
