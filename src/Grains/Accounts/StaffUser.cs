using Hospital.Grains.Abstractions.Accounts;

namespace Hospital.Grains.Accounts;

/// <summary>
/// A staff user as stored: identity and scope, the password hash (ASP.NET Core Identity's format), and the lockout counters.
/// <see cref="Version"/> grows with every write, which is checked against it.
/// </summary>
public sealed record StaffUser(
    string StaffId,
    string DisplayName,
    string Role,
    IReadOnlyList<int> DepartmentIds,
    int? DoctorId,
    string PasswordHash,
    bool MustChangePassword,
    int FailedCount,
    DateTimeOffset? LockedUntil,
    long Version,
    DateTimeOffset CreatedAt)
{
    /// <summary>Who the user is and may act as, without the password hash and the lockout counters.</summary>
    public StaffIdentity Identity => new(StaffId, DisplayName, Role, DepartmentIds, DoctorId, MustChangePassword);
}
