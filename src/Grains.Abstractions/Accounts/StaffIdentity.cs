namespace Hospital.Grains.Abstractions.Accounts;

/// <summary>Who a staff user is and what they may touch: the facts an access token carries.</summary>
[GenerateSerializer, Immutable, Alias("Hospital.StaffIdentity")]
public sealed record StaffIdentity(
    [property: Id(0)] string StaffId,
    [property: Id(1)] string DisplayName,
    [property: Id(2)] string Role,
    [property: Id(3)] IReadOnlyList<int> DepartmentIds,
    [property: Id(4)] int? DoctorId,
    [property: Id(5)] bool MustChangePassword)
{
    /// <summary>Staff ids compare without case and surrounding spaces: "Admin " and "admin" are one user and one grain.</summary>
    public static string Normalize(string staffId) => staffId.Trim().ToLowerInvariant();
}
