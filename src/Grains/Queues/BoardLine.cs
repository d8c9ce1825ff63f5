namespace Hospital.Grains.Queues;

/// <summary>One patient as a waiting-room board shows them: slot number and masked name (王*明).</summary>
public sealed record BoardLine(int SlotNo, string Name);
