using Hospital.Api.Apis.Contracts;
using Hospital.Api.Infrastructure.Auth;
using Hospital.Grains;
using Hospital.Grains.Abstractions.Accounts;
using Hospital.Grains.Abstractions.Booking;
using Hospital.Grains.Abstractions.Errors;
using Hospital.Grains.Appointments;
using Hospital.Grains.Browsing;

namespace Hospital.Api.Apis.Access;

/// <summary>
/// The appointments area's one access check, run after the group's <see cref="HospitalPolicies.AppointmentUser"/> policy. A
/// booking needs the channel's role (<see cref="AppointmentAccess.MayBook"/>; a patient's patient is then checked by the
/// account's grain). Every other call names an appointment, which a caller who may not touch it is told does not exist (404,
/// the same answer as for an unknown id), so ids cannot be probed.
/// </summary>
internal sealed class AppointmentAccessFilter(CatalogCache cache, IGrainFactory grains, IAppointmentReadStore store) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (context.Arguments.OfType<CreateAppointmentRequest>().FirstOrDefault() is { } booking)
            return MayBook(booking, http) ? await next(context) : Forbidden();

        var id = http.GetRouteValue("id") as string;
        var appointment = await AppointmentsApi.PoolOf(id ?? "", grains).GetAppointmentAsync(id!);
        var user = http.User;
        var allowed = user.IsPatient()
            ? await grains.Of<IAccountGrain>(user.Subject()).HasPatientAsync(appointment.PatientId)
            : await OwnerAsync(appointment.SessionId, http.RequestAborted) is { } session
              && AppointmentAccess.StaffMay(user, appointment.Channel, session, changes: !HttpMethods.IsGet(http.Request.Method));
        return allowed ? await next(context) : throw AppointmentsApi.NotFound(id!);
    }

    /// <summary>The browsing window's sessions are at hand; older (and withdrawn) ones are read from storage, so staff find past appointments too.</summary>
    private async Task<SessionOwner?> OwnerAsync(string sessionId, CancellationToken cancellationToken) =>
        cache.Current.FindSession(sessionId) is { } session
            ? new SessionOwner(session.DoctorId, session.DepartmentId)
            : await store.FindSessionOwnerAsync(sessionId, cancellationToken);

    /// <summary>A request the handler will refuse as bad input (no or unknown session, unknown channel) passes, so it gets its 400 or 404.</summary>
    private bool MayBook(CreateAppointmentRequest booking, HttpContext http)
    {
        var channel = booking.Channel ?? BookingChannel.App;
        return cache.Current.FindSession(booking.SessionId ?? "") is not { } session || !Enum.IsDefined(channel)
            || AppointmentAccess.MayBook(http.User, channel, session);
    }

    private static IResult Forbidden() => TypedResults.Problem(
        title: "This channel is booked by others: App by patients, PhoneWindow by window clerks, DoctorAddOn by the session's doctor.",
        statusCode: StatusCodes.Status403Forbidden, extensions: new Dictionary<string, object?> { ["code"] = "auth.channel_forbidden" });
}
