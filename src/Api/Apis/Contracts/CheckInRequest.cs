using System.ComponentModel;

namespace Hospital.Api.Apis.Contracts;

/// <summary>A check-in at a kiosk or window: the appointment and the patient's visit code (就诊码). A scanned e-ticket goes to POST /api/check-in/ticket instead.</summary>
public sealed record CheckInRequest(
    [property: Description("The appointment's id, as the patient's app shows it. Leave it out at a kiosk: today's booking of the code's patient is checked in (the one whose window is open).")] string? AppointmentId,
    [property: Description("The patient's visit code (就诊码); it must be the booked patient's own.")] string? VisitCode);
