namespace Hospital.Grains.Patients;

/// <summary>A patient as shown in responses: personal data masked.</summary>
public sealed record PatientView(string Id, string Name, string IdNumber, string Phone, DateOnly BirthDate, string Sex)
{
    public static PatientView From(StoredPatient p) =>
        new(p.Id, Abstractions.Privacy.PersonalDataMask.Name(p.Name), p.IdNumberMasked, p.PhoneMasked, p.BirthDate, p.Sex.ToString());
}
