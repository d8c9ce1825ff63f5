namespace Hospital.Grains.Abstractions.Abuse;

/// <summary>Whether an account or a patient is frozen now, after the last change: its reason, who made it and when.</summary>
[GenerateSerializer, Immutable, Alias("Hospital.FreezeState")]
public sealed record FreezeState(
    [property: Id(0)] bool Frozen,
    [property: Id(1)] string Reason,
    [property: Id(2)] string Actor,
    [property: Id(3)] DateTimeOffset At)
{
    /// <summary>Nothing was ever changed: not frozen.</summary>
    public static FreezeState Never { get; } = new(false, "", "", DateTimeOffset.MinValue);
}
