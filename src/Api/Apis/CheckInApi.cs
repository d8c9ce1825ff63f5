using System.Security.Claims;
using Hospital.Api.Apis.Contracts;
using Hospital.Api.Infrastructure.Auth;
using Hospital.Api.Infrastructure.OpenApi;
using Hospital.Grains.Abstractions.Booking;
using Hospital.Grains.Abstractions.Errors;
using Hospital.Grains.Abstractions.Queues;
using Hospital.Grains.Browsing;
using Hospital.Grains.Catalog;
using Hospital.Grains.Queues;
using Hospital.Grains.Tickets;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hospital.Api.Apis;

/// <summary>
/// Check-in (报到) at a window or kiosk (a kiosk signs in as a window clerk of its departments). The patient shows the appointment
/// id and their visit code, or at a kiosk only the code (today's booking of its patient is found), or the e-ticket's QR code
/// alone (its signed payload names the booking); the session's queue checks the patient and that the slot's window is open today.
/// </summary>
public static class CheckInApi
{
    public static IEndpointRouteBuilder MapCheckInApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/check-in", CheckInAsync).WithTags("Doctor workstation").RequireAuthorization(HospitalPolicies.WindowClerk)
            .WithSummary("Check a patient in for today's appointment (by its id and the patient's visit code, or at a kiosk by the code alone), from 60 minutes before the slot until 30 minutes after it (window clerks " +
                         "and kiosks of the session's department). Later is refused and the appointment counts as a no-show. Checking in again " +
                         "answers the same check-in")
            .ProducesValidationProblem()
            .ProducesProblemCodes(StatusCodes.Status404NotFound, "appointment.not_found", NoBookingTodayCode)
            .ProducesProblemCodes(StatusCodes.Status409Conflict, "checkin.too_early", "checkin.too_late", "checkin.wrong_day", "checkin.wrong_patient",
                "checkin.not_booked")
            .WithRequestExample(VisitDayExamples.CheckIn)
            .WithResponseExample(StatusCodes.Status200OK, VisitDayExamples.CheckedIn)
            .WithResponseExample(StatusCodes.Status409Conflict, VisitDayExamples.TooEarlyProblem);
        app.MapPost("/api/check-in/ticket", CheckInWithTicketAsync).WithTags("Doctor workstation").RequireAuthorization(HospitalPolicies.WindowClerk)
            .WithSummary("Check a patient in by the e-ticket's QR code, as scanned at a kiosk or window of the session's department. The ticket's " +
                         "signature names the booking, so no visit code is asked; otherwise the rules of check-in by visit code apply (paid booking, " +
                         "its own day, from 60 minutes before the slot until 30 minutes after). An altered or foreign ticket is refused with 400")
            .ProducesProblemCodes(StatusCodes.Status400BadRequest, ETicketCodes.SignatureInvalid, ETicketCodes.Malformed, "request.invalid")
            .ProducesProblemCodes(StatusCodes.Status404NotFound, "appointment.not_found")
            .ProducesProblemCodes(StatusCodes.Status409Conflict, ETicketCodes.Expired, "checkin.wrong_day", "checkin.not_booked", "checkin.too_early",
                "checkin.too_late")
            .WithRequestExample(TicketExamples.CheckIn)
            .WithResponseExample(StatusCodes.Status200OK, VisitDayExamples.CheckedIn)
            .WithResponseExample(StatusCodes.Status400BadRequest, TicketExamples.SignatureInvalidProblem)
            .WithResponseExample(StatusCodes.Status409Conflict, TicketExamples.ExpiredProblem);
        return app;
    }

    public const string NoBookingTodayCode = "checkin.no_booking_today";

    /// <summary>
    /// Without an appointment id, today's booking of the code's patient is found (a kiosk needs only the code). A clerk of
    /// another department is told the appointment does not exist, like every appointment a caller may not touch.
    /// </summary>
    public static async Task<Ok<AppointmentView>> CheckInAsync(CheckInRequest request, ClaimsPrincipal user, CatalogCache cache, IGrainFactory grains,
        VisitCodeBookings bookings, CancellationToken cancellationToken)
    {
        var visitCode = RequiredInput.Text(request.VisitCode, "visitCode");
        var appointmentId = request.AppointmentId is null
            ? (await bookings.FindTodayAsync(visitCode, cancellationToken))?.AppointmentId
              ?? throw new NotFoundException(NoBookingTodayCode, "No booking of today waits for check-in with this visit code.")
            : RequiredInput.Text(request.AppointmentId, "appointmentId");
        if (!AppointmentKey.TryGetSessionId(appointmentId, out var sessionId)
            || cache.Current.FindSession(sessionId) is not { } session || !user.WorksIn(session.DepartmentId))
            throw request.AppointmentId is null ? new NotFoundException(NoBookingTodayCode, "No booking of today waits for check-in with this visit code.")
                : AppointmentsApi.NotFound(appointmentId);
        return TypedResults.Ok(await grains.GetGrain<IQueueGrain>(sessionId).CheckInAsync(appointmentId, visitCode, user.Subject()));
    }

    /// <summary>
    /// The signature is verified before anything is looked up, so a forged ticket learns nothing; a clerk of another department
    /// is told the appointment does not exist.
    /// </summary>
    public static async Task<Ok<AppointmentView>> CheckInWithTicketAsync(TicketCheckInRequest request, ClaimsPrincipal user, CatalogCache cache,
        IGrainFactory grains, ETicketSigner tickets, HospitalClock clock)
    {
        var ticket = tickets.Verify(RequiredInput.Text(request.Ticket, "ticket"), clock.GetUtcNow());
        if (cache.Current.FindSession(ticket.SessionId) is not { } session || !user.WorksIn(session.DepartmentId))
            throw AppointmentsApi.NotFound(ticket.AppointmentId);
        return TypedResults.Ok(await grains.GetGrain<IQueueGrain>(ticket.SessionId).CheckInWithTicketAsync(ticket.AppointmentId, user.Subject()));
    }
}
