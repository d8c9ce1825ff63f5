namespace Hospital.Grains.Patients;

/// <summary>A staff user's reading of a patient's full record: who, whose, why and when (table patient_record_access).</summary>
public sealed record RecordAccess(string PatientId, string StaffId, string Reason, DateTimeOffset At);
