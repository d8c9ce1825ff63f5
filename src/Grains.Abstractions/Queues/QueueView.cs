using Hospital.Grains.Abstractions.Booking;

namespace Hospital.Grains.Abstractions.Queues;

/// <summary>
/// A session's queue: who is called now (not yet in the room), who is in a visit, and who waits, in calling order.
/// Patients booked but not checked in are not in it.
/// </summary>
[GenerateSerializer, Immutable, Alias("Hospital.QueueView")]
public sealed record QueueView(
    [property: Id(0)] string SessionId,
    [property: Id(1)] QueueEntry? Calling,
    [property: Id(2)] IReadOnlyList<QueueEntry> InVisit,
    [property: Id(3)] IReadOnlyList<QueueEntry> Waiting);
