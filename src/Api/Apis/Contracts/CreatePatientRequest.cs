using Hospital.Grains.Abstractions.Accounts;

namespace Hospital.Api.Apis.Contracts;

/// <summary>
/// A patient to put on the signed-in account, under their real name: name, 18-character resident ID number, mainland mobile
/// number, and how they are related to the account's holder. Unless the phone is the account's login phone, one proof that
/// the account may act for the person: <see cref="SmsCode"/>, texted to that phone by POST /api/patients/sms-codes, or the
/// person's <see cref="VisitCode"/> (就诊码; then the phone on their record stays as it is).
/// </summary>
public sealed record CreatePatientRequest(
    string? Name, string? IdNumber, string? Phone, FamilyRelationship? Relationship, string? SmsCode = null, string? VisitCode = null);
