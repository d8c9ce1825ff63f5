using System.Collections.Concurrent;
using Hospital.Grains.Abstractions.Booking;
using Hospital.Grains.SlotPools;

namespace Hospital.Grains.Availability;

/// <summary>
/// The latest availability of every session on this node, fed by the pools after each commit, so calendars
/// and live streams are answered from memory instead of a query per request. Thread-safe: pools publish from
/// their own turns concurrently.
/// </summary>
public sealed class AvailabilityBoard : IAvailabilityPublisher
{
    private readonly ConcurrentDictionary<string, SessionAvailability> _latest = new();
    private readonly Lock _subscribersLock = new();
    private AvailabilitySubscription[] _subscribers = [];

    public void Publish(SessionAvailability availability)
    {
        _latest[availability.SessionId] = availability;
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
