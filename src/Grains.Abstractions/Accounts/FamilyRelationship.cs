namespace Hospital.Grains.Abstractions.Accounts;

/// <summary>How a patient (就诊人) on an account is related to the account's holder.</summary>
public enum FamilyRelationship
{
    Self,
    Parent,
    Child,
    Spouse,
    Other,
}
