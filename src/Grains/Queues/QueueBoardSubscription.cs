using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace Hospital.Grains.Queues;

/// <summary>
/// One live listener of a session's queue. Coalesced: between two deliveries only the latest snapshot is kept, so a burst of
/// check-ins becomes at most one event per interval.
/// </summary>
public sealed class QueueBoardSubscription(string sessionId, Action<QueueBoardSubscription> unsubscribe) : IDisposable
{
    private readonly Channel<bool> _signal = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly Lock _offering = new();
    private QueueBoardSnapshot? _pending;
    private long _offered = -1;

    public string SessionId => sessionId;

    /// <summary>Whether no other listener of the session was on this node when this one came: then nobody here watches the queue.</summary>
    public bool FirstOnNode { get; internal set; }

    /// <summary>Keeps the snapshot for the next read unless a newer one was offered (two publishers may race).</summary>
    internal void Offer(QueueBoardSnapshot snapshot)
    {
        lock (_offering)
        {
            if (snapshot.Sequence <= _offered) return;
            _offered = snapshot.Sequence;
            Volatile.Write(ref _pending, snapshot);
        }
        _signal.Writer.TryWrite(true);
    }

    /// <summary>Yields the latest snapshot as soon as there is a new one, then waits <paramref name="interval"/> before the next.</summary>
    public async IAsyncEnumerable<QueueBoardSnapshot> ReadAsync(TimeSpan interval, TimeProvider time, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (await _signal.Reader.WaitToReadAsync(cancellationToken))
        {
            _signal.Reader.TryRead(out _);
            if (Interlocked.Exchange(ref _pending, null) is { } latest) yield return latest;
            await Task.Delay(interval, time, cancellationToken);
        }
    }

    public void Dispose() => unsubscribe(this);
}
