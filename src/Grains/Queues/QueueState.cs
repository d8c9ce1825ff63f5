namespace Hospital.Grains.Queues;

/// <summary>
/// A session's calling order: who is called now and who waits, first to last. Grain state, stored as JSON by property
/// name. The order rules live here so that they are one piece of plain code.
/// </summary>
public sealed class QueueState
{
    /// <summary>How many waiting patients a missed call lets go first.</summary>
    public const int MissedCallSetBack = 3;

    public QueueSpot? Calling { get; set; }

    public List<QueueSpot> Waiting { get; init; } = [];

    /// <summary>When each visit in progress started (removed when it completes).</summary>
    public Dictionary<string, DateTimeOffset> VisitStarts { get; init; } = [];

    /// <summary>The measured length, in minutes, of every visit of the session that completed.</summary>
    public List<double> VisitMinutes { get; init; } = [];

    /// <summary>The sequence number of the latest change shown on the boards (<see cref="QueueBoardSnapshot.Sequence"/>).</summary>
    public long Published { get; set; }

    public bool Contains(string appointmentId) => Calling?.AppointmentId == appointmentId || Waiting.Exists(s => s.AppointmentId == appointmentId);

    /// <summary>
    /// An on-time patient waits in slot order among the on-time ones, before every late arrival; patients set back after a
    /// missed call keep the place they were given. A late patient waits at the end.
    /// </summary>
    public void Arrive(QueueSpot spot)
    {
        var before = spot.Late ? -1 : Waiting.FindIndex(s => !s.MissedOnce && (s.Late || s.SlotNo > spot.SlotNo));
        Waiting.Insert(before < 0 ? Waiting.Count : before, spot);
    }

    /// <summary>Calls the first waiting patient; null when nobody waits.</summary>
    public QueueSpot? CallNext()
    {
        if (Waiting.Count == 0) return null;
        Calling = Waiting[0];
        Waiting.RemoveAt(0);
        return Calling;
    }

    /// <summary>The called patient missed the call: behind the next <see cref="MissedCallSetBack"/> waiting, marked as missed once.</summary>
    public void SetBackCalling()
    {
        var missed = Calling! with { MissedOnce = true };
        Calling = null;
        Waiting.Insert(Math.Min(MissedCallSetBack, Waiting.Count), missed);
    }

    /// <summary>Moves a waiting patient to <paramref name="index"/> (0 is next; past the end is last); false when they are not waiting.</summary>
    public bool MoveTo(string appointmentId, int index)
    {
        var spot = Waiting.Find(s => s.AppointmentId == appointmentId);
        if (spot is null) return false;
        Waiting.Remove(spot);
        Waiting.Insert(Math.Min(index, Waiting.Count), spot);
        return true;
    }

    /// <summary>Takes the appointment out of the queue (its visit started, or it is no longer checked in); false when it was not in it.</summary>
    public bool Remove(string appointmentId)
    {
        if (Calling?.AppointmentId == appointmentId)
        {
            Calling = null;
            return true;
        }
        return Waiting.RemoveAll(s => s.AppointmentId == appointmentId) > 0;
    }
}
