using Hospital.Grains.Abstractions.Accounts;
using Microsoft.AspNetCore.Authorization;

namespace Hospital.Api.Infrastructure.Auth;

/// <summary>
/// The authorization policies, defined in one place. A token restricted to changing the initial password carries no role,
/// so it passes only <see cref="SignedIn"/> and <see cref="PasswordChange"/>.
/// </summary>
public static class HospitalPolicies
{
    /// <summary>Any valid token, restricted or not.</summary>
    public const string SignedIn = "signed-in";
    public const string Patient = "patient";
    /// <summary>
    /// Who lists a patient's appointments: the patient's own accounts and admins (a department admin only those of their
    /// departments); decided further by PatientAccess.
    /// </summary>
    public const string PatientAppointmentReader = "patient-appointment-reader";
    /// <summary>Any staff role (department scoping is the endpoint's check: <see cref="HospitalPrincipal.MayAdministerDepartment"/>).</summary>
    public const string Staff = "staff";
    public const string Doctor = "doctor";
    public const string WindowClerk = "window-clerk";
    /// <summary>Department admins (within their scope) and hospital admins.</summary>
    public const string DepartmentAdmin = "department-admin";
    public const string HospitalAdmin = "hospital-admin";
    /// <summary>
    /// Anyone with a full token who may meet an appointment: patients, clerks, doctors and admins. Which appointments each
    /// may touch is decided by the appointments area's one filter (AppointmentAccessFilter).
    /// </summary>
    public const string AppointmentUser = "appointment-user";
    /// <summary>
    /// Staff who may read a patient's full record, giving a reason that is audited: hospital admins, and window clerks, who
    /// serve walk-in and phone patients.
    /// </summary>
    public const string PatientRecordReader = "patient-record-reader";
    /// <summary>
    /// Staff who register walk-in and phone patients after seeing their ID card and look patients up by ID number: window clerks
    /// and hospital admins.
    /// </summary>
    public const string PatientDesk = "patient-desk";
    /// <summary>A staff user's own token, full or restricted: enough to change their password.</summary>
    public const string PasswordChange = "password-change";

    public static AuthorizationBuilder AddHospitalPolicies(this AuthorizationBuilder builder) => builder
        .AddPolicy(SignedIn, policy => policy.RequireAuthenticatedUser())
        .AddPolicy(Patient, policy => policy.RequireRole(HospitalRoles.Patient))
        .AddPolicy(PatientAppointmentReader, policy => policy.RequireRole(HospitalRoles.Patient, HospitalRoles.DepartmentAdmin, HospitalRoles.HospitalAdmin))
        .AddPolicy(Staff, policy => policy.RequireRole(HospitalRoles.Staff))
        .AddPolicy(Doctor, policy => policy.RequireRole(HospitalRoles.Doctor))
        .AddPolicy(WindowClerk, policy => policy.RequireRole(HospitalRoles.WindowClerk))
        .AddPolicy(DepartmentAdmin, policy => policy.RequireRole(HospitalRoles.DepartmentAdmin, HospitalRoles.HospitalAdmin))
        .AddPolicy(HospitalAdmin, policy => policy.RequireRole(HospitalRoles.HospitalAdmin))
        .AddPolicy(PatientRecordReader, policy => policy.RequireRole(HospitalRoles.HospitalAdmin, HospitalRoles.WindowClerk))
        .AddPolicy(PatientDesk, policy => policy.RequireRole(HospitalRoles.HospitalAdmin, HospitalRoles.WindowClerk))
        .AddPolicy(AppointmentUser, policy => policy.RequireRole([HospitalRoles.Patient, .. HospitalRoles.Staff]))
        .AddPolicy(PasswordChange, policy => policy.RequireClaim(HospitalClaims.Kind, HospitalClaims.StaffKind));
}
