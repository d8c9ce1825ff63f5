using System.Collections.Concurrent;

namespace Hospital.LoadTests.VisitDay;

/// <summary>What the doctors need to know of the arrivals: how many of each session's patients checked in, and whether anyone is still coming.</summary>
public sealed class MorningProgress(IReadOnlyDictionary<string, int> comingPerSession)
{
    private readonly ConcurrentDictionary<string, int> _arrived = new();
    private readonly ConcurrentDictionary<string, int> _settled = new();

    /// <summary>A patient's check-in was answered: with 200 (<paramref name="checkedIn"/>) they wait in the queue, otherwise they never will.</summary>
    public void Settle(string sessionId, bool checkedIn)
    {
        if (checkedIn) _arrived.AddOrUpdate(sessionId, 1, (_, n) => n + 1);
        _settled.AddOrUpdate(sessionId, 1, (_, n) => n + 1);
    }

    /// <summary>Everyone coming to the session has been answered and every one checked in has been seen.</summary>
    public bool AllSeen(string sessionId, int completed) =>
        _settled.GetValueOrDefault(sessionId) >= comingPerSession.GetValueOrDefault(sessionId) && completed >= _arrived.GetValueOrDefault(sessionId);
}
