namespace Hospital.Api.Tests.Fuzz;

/// <summary>
/// Ids that exist in the fuzzed app, and tokens that may call each area (the patient's account's; a hospital admin's for the
/// admin and staff areas), so that a case with one bad value gets past the others and reaches deep code.
/// </summary>
public sealed record FuzzTargets(string SessionId, string OtherSessionId, string AppointmentId, string PatientId, string PatientToken, string AdminToken)
{
    public string TokenFor(string path) =>
        path.StartsWith("/api/admin/", StringComparison.Ordinal) || path.StartsWith("/api/staff/", StringComparison.Ordinal) || StaffReads(path)
            ? AdminToken : PatientToken;

    // Staff-only reads outside those areas.
    private static bool StaffReads(string path) => path is "/api/sessions/{id}/appointments" or "/api/appointments/{id}/audit";
}
