using Hospital.Api.Apis.Contracts;
using Hospital.Grains.Tickets;
using Microsoft.AspNetCore.Mvc;

namespace Hospital.Api.Infrastructure.OpenApi;

/// <summary>The examples of the e-ticket and the check-in by its QR code in the OpenAPI document.</summary>
public static class TicketExamples
{
    // The example ticket below, signed with key 0 of the Development data key: a Development node accepts it on its visit day.
    private const string Payload = "AQAiRDAwNDItMjAyNjExMjQtQU0uM2Y5YTFjMmI3ZDRlNWY2MAAHawW0gAfnjosq5piOERzm4SqudKUUCG6vObD6og";

    private static readonly string Id = ApiExamples.BookedAppointment.Id;

    public static TicketResponse Ticket { get; } = new(Id, ApiExamples.BookedAppointment.SessionId, ApiExamples.BookedAppointment.SlotNo, "王*明",
        new DateTimeOffset(2026, 11, 25, 0, 0, 0, TimeSpan.FromHours(8)), Payload, $"/api/appointments/{Id}/ticket.svg", $"/api/appointments/{Id}/ticket.png");

    public static string Svg => "<svg version=\"1.1\" baseProfile=\"full\" shape-rendering=\"crispEdges\" width=\"296\" height=\"296\" " +
                                "xmlns=\"http://www.w3.org/2000/svg\">…</svg>";

    public static string Png => "(a PNG image, about 360 × 360 pixels)";

    public static TicketCheckInRequest CheckIn { get; } = new(Payload);

    public static ProblemDetails ExpiredProblem { get; } = ProblemExamples.Problem(StatusCodes.Status409Conflict, ETicketCodes.Expired,
        "The request conflicts with a rule.", "This e-ticket was valid until 2026-11-24 16:00 UTC; its visit day is over.");

    public static ProblemDetails SignatureInvalidProblem { get; } = ProblemExamples.Problem(StatusCodes.Status400BadRequest, ETicketCodes.SignatureInvalid,
        "One or more fields are invalid.");
}
