using Hospital.Grains.Abstractions.Privacy;
using Hospital.Grains.Patients;

namespace Hospital.Api.Apis;

/// <summary>
/// The window's patient desk: registers walk-ins and finds patients by ID number for staff, and logs every call with the staff id
/// and the masked ID number, so who looked up or registered whom can be audited.
/// </summary>
public sealed partial class WalkInPatientDesk(PatientRegistry registry, ILogger<WalkInPatientDesk> logger)
{
    /// <summary>Registers the person, or returns the patient already registered with the same name and ID number.</summary>
    public async Task<PatientRegistration> RegisterAsync(string staffId, string? name, string? idNumber, string? phone, CancellationToken cancellationToken)
    {
        var registration = await registry.RegisterAsync(name, idNumber, phone, cancellationToken);
        LogRegistered(staffId, registration.Patient.Id, registration.Patient.IdNumber, registration.Created);
        return registration;
    }

    /// <summary>The patient with the ID number, if any; logged either way (a lookup that finds no one is still a lookup).</summary>
    public async Task<PatientView?> FindAsync(string staffId, string? idNumber, CancellationToken cancellationToken)
    {
        var stored = await registry.FindByIdNumberAsync(idNumber, cancellationToken);
        LogLookedUp(staffId, PersonalDataMask.IdNumber(idNumber?.Trim()), stored?.Id);
        return stored is null ? null : PatientView.From(stored);
    }

    [LoggerMessage(EventName = "WalkInPatientRegistered", Level = LogLevel.Information,
        Message = "Staff {StaffId} registered walk-in patient {PatientId} ({IdNumberMasked}); new: {Created}")]
    private partial void LogRegistered(string staffId, string patientId, string idNumberMasked, bool created);

    [LoggerMessage(EventName = "PatientLookedUp", Level = LogLevel.Information,
        Message = "Staff {StaffId} looked up ID number {IdNumberMasked}; found patient {PatientId}")]
    private partial void LogLookedUp(string staffId, string idNumberMasked, string? patientId);
}
