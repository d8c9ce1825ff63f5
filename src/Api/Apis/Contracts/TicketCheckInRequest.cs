using System.ComponentModel;

namespace Hospital.Api.Apis.Contracts;

/// <summary>A check-in by the e-ticket: the text a kiosk or window scanner read from its QR code.</summary>
public sealed record TicketCheckInRequest(
    [property: Description("The QR code's text exactly as scanned (the e-ticket's payload).")] string? Ticket);
