using Hospital.Grains.Abstractions.Accounts;
using Hospital.Grains.Patients;

namespace Hospital.Api.Apis.Contracts;

/// <summary>A patient on the account (personal data masked), how they are related to its holder, and since when.</summary>
public sealed record FamilyMemberResponse(
    string Id, string Name, string IdNumber, string Phone, DateOnly BirthDate, string Sex, FamilyRelationship Relationship, DateTimeOffset AddedAt)
{
    public static FamilyMemberResponse From(PatientView patient, FamilyMember member) =>
        new(patient.Id, patient.Name, patient.IdNumber, patient.Phone, patient.BirthDate, patient.Sex, member.Relationship, member.AddedAt);
}
