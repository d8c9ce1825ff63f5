namespace Hospital.Grains.Abstractions.Accounts;

/// <summary>A patient on an account: who, how related to the account's holder, and since when.</summary>
[GenerateSerializer, Immutable, Alias("Hospital.FamilyMember")]
public sealed record FamilyMember(
    [property: Id(0)] string PatientId,
    [property: Id(1)] FamilyRelationship Relationship,
    [property: Id(2)] DateTimeOffset AddedAt);
