namespace Hospital.Grains.Queues;

/// <summary>
/// A session's queue as boards and patients see it, published by its queue grain after every change: who is called (and
/// their appointment), who comes next, the whole waiting order (for each patient's own position, never shown on a board),
/// and the average visit measured in this session so far (null before the first visit ends).
/// </summary>
public sealed record QueueBoardSnapshot(
    string SessionId,
    string? CallingId,
    BoardLine? Calling,
    IReadOnlyList<BoardLine> Next,
    IReadOnlyList<string> WaitingOrder,
    double? MinutesPerVisit)
{
    /// <summary>How many a board shows after the one called.</summary>
    public const int NextShown = 3;

    /// <summary>Patients before <paramref name="appointmentId"/> (the one called counts), or null when it is not waiting.</summary>
    public int? AheadOf(string appointmentId) =>
        WaitingOrder.ToList().IndexOf(appointmentId) is var index and >= 0 ? index + (CallingId is null ? 0 : 1) : null;
}
