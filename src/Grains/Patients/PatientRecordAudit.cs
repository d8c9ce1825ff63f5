using Hospital.Grains.Catalog;
using Microsoft.Extensions.Logging;

namespace Hospital.Grains.Patients;

/// <summary>
/// Records a staff user reading a patient's full record, before it is shown: a row in patient_record_access (with the reason)
/// and a structured log event. The event carries the masked ID number, not the reason: free text may name people.
/// </summary>
public sealed partial class PatientRecordAudit(IRecordAccessStore store, HospitalClock clock, ILogger<PatientRecordAudit> logger)
{
    public const int MaxReasonLength = 200;

    public async Task RecordAsync(string staffId, StoredPatient patient, string reason, CancellationToken cancellationToken = default)
    {
        await store.AddAsync(new RecordAccess(patient.Id, staffId, reason, clock.GetUtcNow()), cancellationToken);
        LogRead(staffId, patient.Id, patient.IdNumberMasked);
    }

    [LoggerMessage(EventName = "PatientRecordRead", Level = LogLevel.Information,
        Message = "Staff {StaffId} read the full record of patient {PatientId} ({IdNumberMasked}); the reason is in patient_record_access")]
    private partial void LogRead(string staffId, string patientId, string idNumberMasked);
}
