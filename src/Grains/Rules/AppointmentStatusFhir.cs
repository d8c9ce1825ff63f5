namespace Hospital.Grains.Rules;

/// <summary>
/// Maps <see cref="AppointmentStatus"/> to FHIR R4 <c>Appointment.status</c> codes.
/// FHIR has no expired/abandoned/rescheduled/hospital-cancelled codes; those are all <c>cancelled</c>
/// (a FHIR client tells them apart by the cancellation reason, not the status).
/// </summary>
public static class AppointmentStatusFhir
{
    /// <summary>The FHIR R4 Appointment.status code.</summary>
    public static string ToFhirCode(this AppointmentStatus status) => status switch
    {
        AppointmentStatus.Held => "pending",
        AppointmentStatus.Booked => "booked",
        AppointmentStatus.CheckedIn => "checked-in",
        AppointmentStatus.InVisit => "arrived",
        AppointmentStatus.Completed => "fulfilled",
        AppointmentStatus.NoShow => "noshow",
        AppointmentStatus.Expired or AppointmentStatus.Abandoned or AppointmentStatus.Cancelled
            or AppointmentStatus.Rescheduled or AppointmentStatus.CancelledByHospital => "cancelled",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown appointment status."),
    };
}
