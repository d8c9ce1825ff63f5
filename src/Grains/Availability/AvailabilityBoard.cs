using System.Collections.Concurrent;
using Hospital.Grains.Abstractions.Booking;
using Hospital.Grains.SlotPools;

namespace Hospital.Grains.Availability;

/// <summary>
/// The latest availability of every session, on this node, fed by the pools after each commit (those on other nodes
/// through <see cref="AvailabilityRelay"/>) and by the planner, so calendars and live streams are answered from memory
/// instead of a query per request. Thread-safe: pools publish from their own turns concurrently.
/// </summary>
public sealed class AvailabilityBoard
{
    private readonly ConcurrentDictionary<string, SessionAvailability> _latest = new();
    private readonly Lock _subscribersLock = new();
    private AvailabilitySubscription[] _subscribers = [];

    /// <summary>
    /// Shows an availability unless the board holds a newer version of its session: one relayed from another node may come
    /// late, and the planner's read of the database may start before a commit it then overwrites.
    /// </summary>
    public void Publish(SessionAvailability availability)
    {
        var shown = _latest.AddOrUpdate(availability.SessionId, availability, (_, current) => current.Version > availability.Version ? current : availability);
        if (!ReferenceEquals(shown, availability)) return;
        foreach (var subscriber in Volatile.Read(ref _subscribers)) subscriber.Offer(availability);
    }

    public SessionAvailability? Find(string sessionId) => _latest.GetValueOrDefault(sessionId);

    /// <summary>Starts receiving changes of the sessions of one department (or all when null); dispose to stop.</summary>
    public AvailabilitySubscription Subscribe(int? departmentId)
    {
        var subscription = new AvailabilitySubscription(departmentId, Unsubscribe);
        lock (_subscribersLock) _subscribers = [.. _subscribers, subscription];
        return subscription;
    }

    private void Unsubscribe(AvailabilitySubscription subscription)
    {
        lock (_subscribersLock) _subscribers = _subscribers.Where(s => s != subscription).ToArray();
    }
}
