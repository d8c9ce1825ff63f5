using Hospital.Grains.Patients;

namespace Hospital.Api.Apis.Contracts;

/// <summary>
/// A patient's full record: real name and phone unmasked. The ID number stays masked even here, because the hospital keeps
/// no readable copy of it (only a keyed fingerprint to recognise it, and the mask).
/// </summary>
public sealed record PatientRecordResponse(string Id, string Name, string IdNumber, string Phone, DateOnly BirthDate, string Sex, DateTimeOffset RegisteredAt)
{
    public static PatientRecordResponse From(StoredPatient patient, IPersonalDataProtector protector) => new(
        patient.Id, patient.Name, patient.IdNumberMasked, protector.Unprotect(patient.PhoneProtected), patient.BirthDate, patient.Sex.ToString(), patient.CreatedAt);
}
