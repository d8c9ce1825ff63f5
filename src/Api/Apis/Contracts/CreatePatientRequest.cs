using Hospital.Grains.Abstractions.Accounts;

namespace Hospital.Api.Apis.Contracts;

/// <summary>
/// A patient to put on the signed-in account, under their real name: name, 18-character resident ID number, mainland mobile
/// number, and how they are related to the account's holder.
/// </summary>
public sealed record CreatePatientRequest(string? Name, string? IdNumber, string? Phone, FamilyRelationship? Relationship);
