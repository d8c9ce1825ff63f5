using Hospital.Api.Infrastructure.Auth;

namespace Hospital.Api.Apis.Access;

/// <summary>
/// The one access check of an account's calls that name one of its patients (route value <c>id</c>), run after the group's
/// <see cref="HospitalPolicies.Patient"/> policy: a patient not on the caller's account does not exist for them (404
/// patient.not_found, the answer for an unknown id), so patient ids cannot be probed.
/// </summary>
internal sealed class AccountPatientFilter(IGrainFactory grains) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        await PatientAccess.EnsureOnAccountAsync(http.User, http.GetRouteValue("id") as string ?? "", grains);
        return await next(context);
    }
}
