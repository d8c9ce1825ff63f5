using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Hospital.Grains.Abstractions.Booking;

namespace Hospital.Grains.Availability;

/// <summary>
/// One live listener. Changes are coalesced per session: between two deliveries only a session's latest
/// availability is kept, so a burst of a thousand bookings becomes a few events per second.
/// </summary>
public sealed class AvailabilitySubscription(int? departmentId, Action<AvailabilitySubscription> unsubscribe) : IDisposable
{
    private readonly ConcurrentDictionary<string, SessionAvailability> _pending = new();
    private readonly Channel<bool> _signal = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    internal void Offer(SessionAvailability availability)
    {
        if (departmentId is { } id && availability.DepartmentId != id) return;
        _pending[availability.SessionId] = availability;
        _signal.Writer.TryWrite(true);
    }

    /// <summary>
    /// Yields the changed sessions as soon as there are any, then waits <paramref name="interval"/> before the next
    /// delivery, so no change waits longer than the interval and no session is sent more often than once per interval.
    /// </summary>
    public async IAsyncEnumerable<IReadOnlyList<SessionAvailability>> ReadAsync(TimeSpan interval, TimeProvider time,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (await _signal.Reader.WaitToReadAsync(cancellationToken))
        {
            _signal.Reader.TryRead(out _);
            var changes = new List<SessionAvailability>();
            foreach (var sessionId in _pending.Keys)
            {
                if (_pending.TryRemove(sessionId, out var latest)) changes.Add(latest);
            }
            if (changes.Count > 0) yield return changes;
            await Task.Delay(interval, time, cancellationToken);
        }
    }

    public void Dispose() => unsubscribe(this);
}
