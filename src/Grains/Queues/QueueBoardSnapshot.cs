namespace Hospital.Grains.Queues;

/// <summary>
/// A session's queue as boards and patients see it, published by its queue grain after every change: who is called (and
/// their appointment), who comes next, the whole waiting order (for each patient's own position, never shown on a board),
/// and the average visit measured in this session so far (null before the first visit ends). <see cref="Sequence"/> grows
/// with every snapshot of a session, so a node that hears one twice, or out of order, keeps the newest.
/// </summary>
[GenerateSerializer, Immutable, Alias("Hospital.QueueBoardSnapshot")]
public sealed record QueueBoardSnapshot(
    [property: Id(0)] string SessionId,
    [property: Id(1)] string? CallingId,
    [property: Id(2)] BoardLine? Calling,
    [property: Id(3)] IReadOnlyList<BoardLine> Next,
    [property: Id(4)] IReadOnlyList<string> WaitingOrder,
    [property: Id(5)] double? MinutesPerVisit,
    [property: Id(6)] long Sequence)
{
    /// <summary>How many a board shows after the one called.</summary>
    public const int NextShown = 3;

    /// <summary>Patients before <paramref name="appointmentId"/> (the one called counts), or null when it is not waiting.</summary>
    public int? AheadOf(string appointmentId) =>
        WaitingOrder.ToList().IndexOf(appointmentId) is var index and >= 0 ? index + (CallingId is null ? 0 : 1) : null;
}
