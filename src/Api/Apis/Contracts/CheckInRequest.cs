using System.ComponentModel;

namespace Hospital.Api.Apis.Contracts;

/// <summary>A check-in at a kiosk or window: the appointment (from the e-ticket's QR code) and the patient's visit code (就诊码).</summary>
public sealed record CheckInRequest(
    [property: Description("The appointment's id, as the e-ticket's QR code carries it. Leave it out at a kiosk: today's booking of the code's patient is checked in (the one whose window is open).")] string? AppointmentId,
    [property: Description("The patient's visit code (就诊码); it must be the booked patient's own.")] string? VisitCode);
