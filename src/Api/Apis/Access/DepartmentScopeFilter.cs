using Hospital.Api.Infrastructure.Auth;
using Hospital.Grains.Abstractions.Accounts;
using Hospital.Grains.Browsing;

namespace Hospital.Api.Apis.Access;

/// <summary>
/// The admin area's one access check, run after the group's <see cref="HospitalPolicies.DepartmentAdmin"/> policy: hospital
/// admins pass; a department admin passes when every department the request touches (its <see cref="DepartmentScope"/>) is in
/// their scope, and never where an endpoint declares none (whole-hospital calls). Refusals are 403: staff may know what exists.
/// </summary>
internal sealed class DepartmentScopeFilter(CatalogCache cache) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var user = context.HttpContext.User;
        if (user.IsInRole(HospitalRoles.HospitalAdmin)) return await next(context);
        var scope = context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<DepartmentScope>();
        return scope is not null && scope.Departments(context, cache.Current).All(user.MayAdministerDepartment)
            ? await next(context)
            : TypedResults.Problem(title: "This touches a department outside your scope, or the whole hospital (hospital admins only).",
                statusCode: StatusCodes.Status403Forbidden, extensions: new Dictionary<string, object?> { ["code"] = "auth.department_scope" });
    }
}
