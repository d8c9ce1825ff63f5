using Hospital.Api.Infrastructure.Auth;
using Hospital.Api.Infrastructure.Errors;
using Hospital.Grains.Abstractions.Accounts;
using Hospital.Grains.Abstractions.Booking;
using Hospital.Grains.Abstractions.Errors;
using Hospital.Grains.Browsing;
using Hospital.Grains.Catalog;

namespace Hospital.Api.Apis.Access;

/// <summary>
/// The doctor's workstation's one access check, for calls that name a session (route <c>/sessions/{id}</c>) or an appointment
/// (<c>/appointments/{id}</c>, whose id names its session). The session's own doctor reads and acts; its department's admins
/// and hospital admins only read (<see cref="AppointmentAccess.StaffMayRead"/>). Another doctor's session is refused with 403
/// (staff may know what exists); another doctor's appointment answers 404, as everywhere for appointments.
/// </summary>
internal sealed class DoctorSessionAccessFilter(CatalogCache cache) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var id = http.GetRouteValue("id") as string ?? "";
        var byAppointment = http.Request.Path.StartsWithSegments("/api/doctor/appointments");
        var sessionId = byAppointment ? (AppointmentKey.TryGetSessionId(id, out var owner) ? owner : "") : id;
        var session = cache.Current.FindSession(sessionId);
        if (session is null)
            throw byAppointment ? AppointmentsApi.NotFound(id) : new NotFoundException("session.not_found", $"Session {id} does not exist.");
        if (May(http.User, session, changes: !HttpMethods.IsGet(http.Request.Method))) return await next(context);
        if (byAppointment) throw AppointmentsApi.NotFound(id);
        return TypedResults.Problem(title: "This is another doctor's session.", statusCode: StatusCodes.Status403Forbidden,
            extensions: new Dictionary<string, object?> { ["code"] = ProblemCodes.Forbidden });
    }

    private static bool May(System.Security.Claims.ClaimsPrincipal user, SessionDefinition session, bool changes) =>
        (user.IsInRole(HospitalRoles.Doctor) && user.DoctorId() == session.DoctorId)
        || (!changes && AppointmentAccess.StaffMayRead(user, session.DoctorId, session.DepartmentId));
}
