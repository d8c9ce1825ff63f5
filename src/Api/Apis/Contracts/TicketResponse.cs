using System.ComponentModel;

namespace Hospital.Api.Apis.Contracts;

/// <summary>A booking's e-ticket (电子就诊凭证): the signed payload its QR code carries, what the ticket shows, and where its QR images are.</summary>
public sealed record TicketResponse(
    string AppointmentId,
    string SessionId,
    int SlotNo,
    [property: Description("The patient's name masked as the waiting room shows it (王*明); the clerk compares it with the ID card.")] string PatientName,
    [property: Description("When kiosks stop accepting the ticket: the end of the visit day, hospital time.")] DateTimeOffset ExpiresAt,
    [property: Description("The signed text the QR code carries (base64url); a kiosk posts it as scanned to POST /api/check-in/ticket.")] string Payload,
    [property: Description("The QR code as SVG (image/svg+xml), for screens and printing at any size.")] string SvgUrl,
    [property: Description("The QR code as PNG (image/png), for clients that cannot draw SVG.")] string PngUrl);
