using System.Security.Claims;
using Hospital.Api.Apis.Access;
using Hospital.Api.Apis.Contracts;
using Hospital.Api.Infrastructure.Auth;
using Hospital.Api.Infrastructure.OpenApi;
using Hospital.Grains.Abstractions.Booking;
using Hospital.Grains.Abstractions.Errors;
using Hospital.Grains.Abstractions.Privacy;
using Hospital.Grains.Abstractions.Queues;
using Hospital.Grains.Patients;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hospital.Api.Apis;

/// <summary>
/// The doctor's workstation: the day's sessions, each session's queue, and the calling actions (call next, recall, skip,
/// start and complete a visit). Every action is recorded in the appointment's audit trail with the doctor as actor. Access
/// is decided by the Staff policy, then <see cref="DoctorSessionAccessFilter"/>.
/// </summary>
public static class DoctorWorkstationApi
{
    /// <summary>Larger than any session's queue: a position past the end puts the patient last.</summary>
    public const int MaxPosition = 1000;

    public static IEndpointRouteBuilder MapDoctorWorkstationApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/doctor").WithTags("Doctor workstation");
        api.MapGet("/sessions", GetMySessions).RequireAuthorization(HospitalPolicies.Doctor)
            .WithSummary("The signed-in doctor's sessions on a day (today by default, hospital time), in time order")
            .WithResponseExample(StatusCodes.Status200OK, VisitDayExamples.Sessions);

        var session = api.MapGroup("/sessions/{id}/queue").RequireAuthorization(HospitalPolicies.Staff).AddEndpointFilter<DoctorSessionAccessFilter>();
        session.MapGet("/", GetQueueAsync)
            .WithSummary("A session's queue: the patient called now, those in a visit and those waiting in calling order, names masked. " +
                         "Its doctor, its department's admins and hospital admins may read it")
            .ProducesProblemCodes(StatusCodes.Status404NotFound, "session.not_found")
            .WithResponseExample(StatusCodes.Status200OK, VisitDayExamples.Queue);
        session.MapPost("/next", CallNextAsync)
            .WithSummary("Call the first waiting patient (the session's doctor only); refused while the patient called has neither started nor been skipped")
            .ProducesProblemCodes(StatusCodes.Status404NotFound, "session.not_found")
            .ProducesProblemCodes(StatusCodes.Status409Conflict, "queue.call_pending", "queue.empty")
            .WithResponseExample(StatusCodes.Status200OK, VisitDayExamples.Queue)
            .WithResponseExample(StatusCodes.Status409Conflict, VisitDayExamples.CallPendingProblem);
        session.MapPost("/recall", RecallAsync)
            .WithSummary("Call the called patient once more (the session's doctor only); the order does not change")
            .ProducesProblemCodes(StatusCodes.Status404NotFound, "session.not_found")
            .ProducesProblemCodes(StatusCodes.Status409Conflict, "queue.nobody_called")
            .WithResponseExample(StatusCodes.Status200OK, VisitDayExamples.Queue);
        session.MapPost("/skip", SkipAsync)
            .WithSummary("The called patient missed the call (过号, the session's doctor only): they wait again behind the next three, " +
                         "once; a second miss makes the appointment a no-show")
            .ProducesProblemCodes(StatusCodes.Status404NotFound, "session.not_found")
            .ProducesProblemCodes(StatusCodes.Status409Conflict, "queue.nobody_called")
            .WithResponseExample(StatusCodes.Status200OK, VisitDayExamples.Queue);

        session.MapPost("/place", PlaceAddOnAsync)
            .WithSummary("Place a waiting add-on patient (加号, booked on the DoctorAddOn channel) in the queue (the session's doctor only): " +
                         "position 1 is called next; a position past the end puts them last")
            .ProducesValidationProblem()
            .ProducesProblemCodes(StatusCodes.Status404NotFound, "session.not_found", "appointment.not_found")
            .ProducesProblemCodes(StatusCodes.Status409Conflict, "queue.not_add_on", "queue.not_waiting")
            .WithRequestExample(VisitDayExamples.PlaceAddOn)
            .WithResponseExample(StatusCodes.Status200OK, VisitDayExamples.Queue);

        var visits = api.MapGroup("/appointments/{id}").RequireAuthorization(HospitalPolicies.Doctor).AddEndpointFilter<DoctorSessionAccessFilter>();
        visits.MapPost("/start", StartAsync).WithSummary("The patient enters the room: a checked-in appointment goes InVisit (the session's doctor only)")
            .ProducesProblemCodes(StatusCodes.Status404NotFound, "appointment.not_found")
            .ProducesProblemCodes(StatusCodes.Status409Conflict, "appointment.invalid_transition")
            .WithResponseExample(StatusCodes.Status200OK, VisitDayExamples.InVisit);
        visits.MapPost("/complete", CompleteAsync).WithSummary("The visit ends: InVisit goes Completed (the session's doctor only)")
            .ProducesProblemCodes(StatusCodes.Status404NotFound, "appointment.not_found")
            .ProducesProblemCodes(StatusCodes.Status409Conflict, "appointment.invalid_transition")
            .WithResponseExample(StatusCodes.Status200OK, VisitDayExamples.Completed);
        return app;
    }

    public static Ok<List<CalendarSessionResponse>> GetMySessions(DateOnly? date, ClaimsPrincipal user, [AsParameters] BrowsingServices services)
    {
        var catalog = services.Cache.Current;
        var day = date ?? services.Today;
        var sessions = user.DoctorId() is { } doctorId ? catalog.SessionsOfDoctor(doctorId, day, day) : [];
        return TypedResults.Ok(sessions.OrderBy(s => s.StartsAt).Select(s => services.Calendar(s, catalog)).ToList());
    }

    public static async Task<Ok<QueueResponse>> GetQueueAsync(string id, IGrainFactory grains, IPatientStore patients, CancellationToken cancellationToken) =>
        TypedResults.Ok(await ResponseAsync(await Queue(grains, id).GetQueueAsync(), patients, cancellationToken));

    public static async Task<Ok<QueueResponse>> CallNextAsync(string id, ClaimsPrincipal user, IGrainFactory grains, IPatientStore patients, CancellationToken cancellationToken) =>
        TypedResults.Ok(await ResponseAsync(await Queue(grains, id).CallNextAsync(user.Subject()), patients, cancellationToken));

    public static async Task<Ok<QueueResponse>> RecallAsync(string id, ClaimsPrincipal user, IGrainFactory grains, IPatientStore patients, CancellationToken cancellationToken) =>
        TypedResults.Ok(await ResponseAsync(await Queue(grains, id).RecallAsync(user.Subject()), patients, cancellationToken));

    public static async Task<Ok<QueueResponse>> SkipAsync(string id, ClaimsPrincipal user, IGrainFactory grains, IPatientStore patients, CancellationToken cancellationToken) =>
        TypedResults.Ok(await ResponseAsync(await Queue(grains, id).SkipAsync(user.Subject()), patients, cancellationToken));

    public static async Task<Ok<QueueResponse>> PlaceAddOnAsync(string id, PlaceAddOnRequest request, ClaimsPrincipal user, IGrainFactory grains,
        IPatientStore patients, CancellationToken cancellationToken)
    {
        var appointmentId = RequiredInput.Text(request.AppointmentId, "appointmentId");
        if (request.Position is not (>= 1 and <= MaxPosition))
            throw InputValidationException.For("position", $"position must be 1 to {MaxPosition}.");
        var queue = await Queue(grains, id).PlaceAddOnAsync(appointmentId, request.Position.Value, user.Subject());
        return TypedResults.Ok(await ResponseAsync(queue, patients, cancellationToken));
    }

    public static async Task<Ok<AppointmentView>> StartAsync(string id, ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(await QueueOfAppointment(grains, id).StartVisitAsync(id, user.Subject()));

    public static async Task<Ok<AppointmentView>> CompleteAsync(string id, ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(await QueueOfAppointment(grains, id).CompleteVisitAsync(id, user.Subject()));

    private static IQueueGrain Queue(IGrainFactory grains, string sessionId) => grains.GetGrain<IQueueGrain>(sessionId);

    /// <summary>The access filter has checked that the id names a session in the catalog.</summary>
    private static IQueueGrain QueueOfAppointment(IGrainFactory grains, string appointmentId) =>
        AppointmentKey.TryGetSessionId(appointmentId, out var sessionId) ? Queue(grains, sessionId) : throw AppointmentsApi.NotFound(appointmentId);

    /// <summary>The queue with each patient's masked name (a session's queue is a few dozen patients, read one by one).</summary>
    private static async Task<QueueResponse> ResponseAsync(QueueView queue, IPatientStore patients, CancellationToken cancellationToken)
    {
        var ids = new[] { queue.Calling }.OfType<QueueEntry>().Concat(queue.InVisit).Concat(queue.Waiting).Select(e => e.PatientId).Distinct();
        var names = new Dictionary<string, string>();
        foreach (var patientId in ids)
            names[patientId] = PersonalDataMask.BoardName((await patients.FindAsync(patientId, cancellationToken))?.Name);
        QueuePatientResponse Of(QueueEntry e) => new(e.AppointmentId, e.SlotNo, names[e.PatientId], e.Channel, e.Status, e.Late, e.MissedOnce);
        return new QueueResponse(queue.SessionId, queue.Calling is { } calling ? Of(calling) : null, [.. queue.InVisit.Select(Of)], [.. queue.Waiting.Select(Of)]);
    }
}
