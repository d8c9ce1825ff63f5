using Hospital.Grains.Abstractions.Accounts;
using Hospital.Grains.Patients;

namespace Hospital.Api.Apis.Contracts;

/// <summary>A patient of an exported account: the full record, how they are related to the holder, and all their appointments.</summary>
public sealed record ExportedPatient(
    PatientRecordResponse Record, FamilyRelationship Relationship, DateTimeOffset AddedAt, IReadOnlyList<PatientAppointment> Appointments);
