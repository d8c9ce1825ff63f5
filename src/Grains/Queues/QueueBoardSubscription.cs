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
    private QueueBoardSnapshot? _pending;

    public string SessionId => sessionId;

    internal void Offer(QueueBoardSnapshot snapshot)
    {
        Volatile.Write(ref _pending, snapshot);
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
