namespace Hospital.Grains.Abstractions.Abuse;

/// <summary>An admin freezing (<paramref name="Frozen"/> true) or unfreezing an account or a patient, why, and who (the audit row's actor).</summary>
[GenerateSerializer, Immutable, Alias("Hospital.FreezeChange")]
public sealed record FreezeChange(
    [property: Id(0)] bool Frozen,
    [property: Id(1)] string Reason,
    [property: Id(2)] string Actor);
