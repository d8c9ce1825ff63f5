namespace Hospital.Grains.Queues;

/// <summary>A checked-in appointment's place in its queue. Grain state, stored as JSON by property name.</summary>
public sealed record QueueSpot
{
    public required string AppointmentId { get; init; }

    public int SlotNo { get; init; }

    /// <summary>Checked in after the slot's start: waits behind every on-time patient.</summary>
    public bool Late { get; init; }

    /// <summary>Missed one call (过号): the next miss makes the appointment a no-show.</summary>
    public bool MissedOnce { get; init; }
}
