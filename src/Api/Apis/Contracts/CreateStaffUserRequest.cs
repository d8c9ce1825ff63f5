namespace Hospital.Api.Apis.Contracts;

/// <summary>
/// A new staff user. Roles: doctor, window_clerk, department_admin (each scoped to <see cref="DepartmentIds"/>), hospital_admin
/// (everywhere). A doctor's account names the doctor. The user must replace the initial password at first login.
/// </summary>
public sealed record CreateStaffUserRequest(string? StaffId, string? DisplayName, string? Role, IReadOnlyList<int>? DepartmentIds, int? DoctorId, string? InitialPassword);
