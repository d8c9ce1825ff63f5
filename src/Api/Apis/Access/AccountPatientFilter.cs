using Hospital.Api.Infrastructure.Auth;
using Hospital.Grains.Abstractions.Accounts;
using Hospital.Grains.Abstractions.Errors;

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
        var patientId = http.GetRouteValue("id") as string ?? "";
        return await grains.GetGrain<IAccountGrain>(http.User.Subject()).HasPatientAsync(patientId)
            ? await next(context)
            : throw new NotFoundException("patient.not_found", "There is no such patient on this account.");
    }
}
