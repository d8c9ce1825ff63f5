using System.Collections.Concurrent;

namespace Hospital.Grains.Queues;

/// <summary>
/// The latest queue snapshot of every session whose queue grain is active on this node, and its live listeners. A queue
/// grain publishes once per change whatever the number of listeners: each listener holds only the latest snapshot and
/// reads it on its own request thread, so a board with thousands of screens costs the grain nothing per screen.
/// Thread-safe: grains publish from their own turns concurrently.
/// </summary>
public sealed class QueueBoard
{
    private readonly ConcurrentDictionary<string, QueueBoardSnapshot> _latest = new();
    private readonly ConcurrentDictionary<string, QueueBoardSubscription[]> _listeners = new();

    public void Publish(QueueBoardSnapshot snapshot)
    {
        _latest[snapshot.SessionId] = snapshot;
        if (_listeners.TryGetValue(snapshot.SessionId, out var listeners))
            foreach (var listener in listeners) listener.Offer(snapshot);
    }

    public QueueBoardSnapshot? Find(string sessionId) => _latest.GetValueOrDefault(sessionId);

    /// <summary>Starts receiving the session's snapshots (the current one first, when there is one); dispose to stop.</summary>
    public QueueBoardSubscription Subscribe(string sessionId)
    {
        var subscription = new QueueBoardSubscription(sessionId, Unsubscribe);
        _listeners.AddOrUpdate(sessionId, [subscription], (_, current) => [.. current, subscription]);
        if (Find(sessionId) is { } current) subscription.Offer(current);
        return subscription;
    }

    private void Unsubscribe(QueueBoardSubscription subscription) =>
        _listeners.AddOrUpdate(subscription.SessionId, [], (_, current) => [.. current.Where(s => s != subscription)]);
}
