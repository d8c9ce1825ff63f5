using System.Security.Claims;
using Hospital.Api.Infrastructure.Auth;
using Hospital.Grains.Abstractions.Accounts;
using Hospital.Grains.Abstractions.Errors;
using Hospital.Grains.Patients;

namespace Hospital.Api.Apis.Access;

/// <summary>
/// Which patients a caller may read, after the endpoint's policy. An account reads exactly the patients on it; another
/// account's patient gets word for word the answer of an unknown id, so ids cannot be probed. Admins read any patient's
/// appointments, a department admin only those of their departments.
/// </summary>
internal static class PatientAccess
{
    /// <summary>The one answer for a patient who is unknown or not the caller's to see.</summary>
    public static NotFoundException NotFound() => new("patient.not_found", "There is no such patient on this account.");

    /// <summary>Throws <see cref="NotFound"/> unless the patient is on the signed-in account.</summary>
    public static async Task EnsureOnAccountAsync(ClaimsPrincipal user, string patientId, IGrainFactory grains)
    {
        if (!await grains.GetGrain<IAccountGrain>(user.Subject()).HasPatientAsync(patientId)) throw NotFound();
    }

    /// <summary>The departments whose appointments of the patient the caller may list: null for all of them.</summary>
    public static async Task<IReadOnlyList<int>?> AppointmentDepartmentsAsync(
        ClaimsPrincipal user, string patientId, IGrainFactory grains, IPatientStore patients, CancellationToken cancellationToken)
    {
        if (user.IsPatient())
        {
            await EnsureOnAccountAsync(user, patientId, grains);
            return null;
        }
        if (await patients.FindAsync(patientId, cancellationToken) is null) throw NotFound();
        return user.IsInRole(HospitalRoles.HospitalAdmin) ? null : user.DepartmentIds();
    }
}
