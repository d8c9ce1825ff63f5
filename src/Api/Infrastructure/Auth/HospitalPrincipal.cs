using System.Globalization;
using System.Security.Claims;
using Hospital.Grains.Abstractions.Accounts;
using Hospital.Grains.Abstractions.Booking;

namespace Hospital.Api.Infrastructure.Auth;

/// <summary>Reads our claims from the signed-in user, for handlers and for scope checks.</summary>
public static class HospitalPrincipal
{
    public static string Subject(this ClaimsPrincipal user) =>
        user.FindFirstValue(HospitalClaims.Subject) ?? throw new InvalidOperationException("A signed-in user without a subject claim.");

    public static bool IsPatient(this ClaimsPrincipal user) => user.HasClaim(HospitalClaims.Kind, HospitalClaims.PatientKind);

    /// <summary>The signed-in caller as the appointments' audit rows name them: <c>account:&lt;id&gt;</c> or <c>staff:&lt;id&gt;</c>.</summary>
    public static string Actor(this ClaimsPrincipal user) => user.IsPatient() ? BookingActor.Account(user.Subject()) : BookingActor.Staff(user.Subject());

    public static IReadOnlyList<int> DepartmentIds(this ClaimsPrincipal user) =>
        [.. user.FindAll(HospitalClaims.Department).Select(claim => int.Parse(claim.Value, CultureInfo.InvariantCulture))];

    public static int? DoctorId(this ClaimsPrincipal user) =>
        user.FindFirstValue(HospitalClaims.DoctorId) is { } id ? int.Parse(id, CultureInfo.InvariantCulture) : null;

    /// <summary>Whether the department is in the staff user's scope (their <c>dept</c> claims).</summary>
    public static bool WorksIn(this ClaimsPrincipal user, int departmentId) => user.DepartmentIds().Contains(departmentId);

    /// <summary>Hospital admins everywhere; department admins inside their scope.</summary>
    public static bool MayAdministerDepartment(this ClaimsPrincipal user, int departmentId) =>
        user.IsInRole(HospitalRoles.HospitalAdmin) || (user.IsInRole(HospitalRoles.DepartmentAdmin) && user.WorksIn(departmentId));
}
