namespace Hospital.Grains.Queues;

/// <summary>One patient as a waiting-room board shows them: slot number and masked name (王*明).</summary>
[GenerateSerializer, Immutable, Alias("Hospital.BoardLine")]
public sealed record BoardLine([property: Id(0)] int SlotNo, [property: Id(1)] string Name);
