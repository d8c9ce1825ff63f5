namespace Hospital.Grains.Accounts;

/// <summary>What an admin (or the create-admin command) gives to create a staff user; the password is an initial one.</summary>
public sealed record NewStaffUser(string? StaffId, string? DisplayName, string? Role, IReadOnlyList<int>? DepartmentIds, int? DoctorId, string? InitialPassword);
