using System.Text;
using Hospital.Api.Apis.Access;
using Hospital.Api.Apis.Contracts;
using Hospital.Api.Infrastructure.Auth;
using Hospital.Api.Infrastructure.OpenApi;
using Hospital.Grains.Tickets;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hospital.Api.Apis;

/// <summary>
/// A paid booking's e-ticket and its QR code. Whoever may read the appointment reads its ticket (the patient's account; staff as
/// <see cref="AppointmentAccessFilter"/> decides, so a window clerk can print a window booking's ticket); anyone else is told the
/// appointment does not exist. The ticket only serves check-in, which needs a window clerk or kiosk besides.
/// </summary>
public static class ETicketApi
{
    public static IEndpointRouteBuilder MapETicketApi(this IEndpointRouteBuilder app)
    {
        var ticket = app.MapGroup("/api/appointments/{id}").WithTags("Appointments")
            .RequireAuthorization(HospitalPolicies.AppointmentUser).AddEndpointFilter<AppointmentAccessFilter>();
        ticket.MapGet("/ticket", GetTicketAsync)
            .WithSummary("The e-ticket of a paid booking: the signed payload its QR code carries (valid until the end of the visit day), the " +
                         "masked patient name to show beside it, and links to the QR code as SVG and PNG")
            .ProducesProblemCodes(StatusCodes.Status404NotFound, "appointment.not_found")
            .ProducesProblemCodes(StatusCodes.Status409Conflict, ETicketCodes.Unavailable)
            .WithResponseExample(StatusCodes.Status200OK, TicketExamples.Ticket);
        ticket.MapGet("/ticket.svg", GetTicketSvgAsync)
            .WithSummary("The e-ticket's QR code as an SVG image, to show on screen or print at any size")
            .Produces<string>(StatusCodes.Status200OK, TicketQrCodes.SvgMediaType)
            .ProducesProblemCodes(StatusCodes.Status404NotFound, "appointment.not_found")
            .ProducesProblemCodes(StatusCodes.Status409Conflict, ETicketCodes.Unavailable)
            .WithResponseExample(StatusCodes.Status200OK, TicketExamples.Svg);
        ticket.MapGet("/ticket.png", GetTicketPngAsync)
            .WithSummary("The e-ticket's QR code as a PNG image (8 pixels per module, about 360 pixels square)")
            .Produces<byte[]>(StatusCodes.Status200OK, TicketQrCodes.PngMediaType)
            .ProducesProblemCodes(StatusCodes.Status404NotFound, "appointment.not_found")
            .ProducesProblemCodes(StatusCodes.Status409Conflict, ETicketCodes.Unavailable)
            .WithResponseExample(StatusCodes.Status200OK, TicketExamples.Png);
        return app;
    }

    public static async Task<Ok<TicketResponse>> GetTicketAsync(string id, IGrainFactory grains, ETicketIssuer issuer, CancellationToken cancellationToken)
    {
        var (ticket, payload) = await IssueAsync(id, grains, issuer, cancellationToken);
        return TypedResults.Ok(new TicketResponse(ticket.AppointmentId, ticket.SessionId, ticket.SlotNo, ticket.PatientName, ticket.ExpiresAt, payload,
            $"/api/appointments/{id}/ticket.svg", $"/api/appointments/{id}/ticket.png"));
    }

    public static async Task<ContentHttpResult> GetTicketSvgAsync(string id, IGrainFactory grains, ETicketIssuer issuer, CancellationToken cancellationToken) =>
        TypedResults.Text(TicketQrCodes.Svg((await IssueAsync(id, grains, issuer, cancellationToken)).Payload), TicketQrCodes.SvgMediaType, Encoding.UTF8);

    public static async Task<FileContentHttpResult> GetTicketPngAsync(string id, IGrainFactory grains, ETicketIssuer issuer, CancellationToken cancellationToken) =>
        TypedResults.File(TicketQrCodes.Png((await IssueAsync(id, grains, issuer, cancellationToken)).Payload), TicketQrCodes.PngMediaType);

    private static async Task<(ETicket Ticket, string Payload)> IssueAsync(string id, IGrainFactory grains, ETicketIssuer issuer, CancellationToken cancellationToken) =>
        await issuer.IssueAsync(await AppointmentsApi.PoolOf(id, grains).GetAppointmentAsync(id), cancellationToken);
}
