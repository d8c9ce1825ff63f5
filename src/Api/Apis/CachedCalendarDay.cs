using Hospital.Grains.Availability;

namespace Hospital.Api.Apis;

/// <summary>
/// A department's day as served, serialized, with what it was built from: the availability the board held for each of its
/// sessions, and the span of time in which the clock does not change what it shows.
/// </summary>
public sealed class CachedCalendarDay(byte[] utf8Json, SessionAvailability[] published, DateTimeOffset builtAt, DateTimeOffset validUntil)
{
    public byte[] Utf8Json => utf8Json;

    /// <summary>
    /// True when building the day now would give the same answer: the board still holds the very records it was built from
    /// (pools publish a new immutable record after every commit) and <paramref name="now"/> is within the entry's span.
    /// </summary>
    public bool ShowsPresent(AvailabilityBoard board, DateTimeOffset now)
    {
        // Before builtAt too: a clock set back (tests move theirs) may show a released session as not released again.
        if (now < builtAt || now >= validUntil) return false;
        foreach (var availability in published)
        {
            if (!ReferenceEquals(board.Find(availability.SessionId), availability)) return false;
        }
        return true;
    }
}
