namespace Hospital.Grains.Abstractions.Abuse;

/// <summary>What an admin can freeze: a login account (it cannot hold) or a patient (nobody can book for them).</summary>
[GenerateSerializer, Alias("Hospital.FrozenSubject")]
public enum FrozenSubject
{
    Account,
    Patient,
}
