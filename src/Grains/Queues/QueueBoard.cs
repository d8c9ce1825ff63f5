using System.Collections.Concurrent;

namespace Hospital.Grains.Queues;

/// <summary>
/// The latest queue snapshot of every session this node hears of (its own queue grains publish here, the others' reach it
/// through <see cref="QueueBoardRelay"/>), and its live listeners. A queue grain publishes once per change whatever the
/// number of listeners: each listener holds only the latest snapshot and reads it on its own request thread, so a board
/// with thousands of screens costs the grain nothing per screen.
/// Thread-safe: grains publish from their own turns concurrently.
/// </summary>
public sealed class QueueBoard
{
    private readonly ConcurrentDictionary<string, QueueBoardSnapshot> _latest = new();
    private readonly ConcurrentDictionary<string, QueueBoardSubscription[]> _listeners = new();

    /// <summary>Shows a snapshot unless a newer one of its session is already shown (one heard twice, or late, changes nothing).</summary>
    public void Publish(QueueBoardSnapshot snapshot)
    {
        var shown = _latest.AddOrUpdate(snapshot.SessionId, snapshot, (_, current) => current.Sequence < snapshot.Sequence ? snapshot : current);
        if (ReferenceEquals(shown, snapshot) && _listeners.TryGetValue(snapshot.SessionId, out var listeners))
            foreach (var listener in listeners) listener.Offer(snapshot);
    }

    public QueueBoardSnapshot? Find(string sessionId) => _latest.GetValueOrDefault(sessionId);

    /// <summary>
    /// Starts receiving the session's snapshots (the current one first, when there is one); dispose to stop. The first
    /// listener of a session on this node is told so (<see cref="QueueBoardSubscription.FirstOnNode"/>): it must watch the queue.
    /// </summary>
    public QueueBoardSubscription Subscribe(string sessionId)
    {
        var subscription = new QueueBoardSubscription(sessionId, Unsubscribe);
        var listeners = _listeners.AddOrUpdate(sessionId, [subscription], (_, current) => [.. current, subscription]);
        subscription.FirstOnNode = listeners.Length == 1;
        if (Find(sessionId) is { } current) subscription.Offer(current);
        return subscription;
    }

    /// <summary>The sessions with listeners on this node, whose watches the node renews.</summary>
    public IReadOnlyList<string> ListenedSessions() => [.. _listeners.Where(pair => pair.Value.Length > 0).Select(pair => pair.Key)];

    private void Unsubscribe(QueueBoardSubscription subscription) =>
        _listeners.AddOrUpdate(subscription.SessionId, [], (_, current) => [.. current.Where(s => s != subscription)]);
}
