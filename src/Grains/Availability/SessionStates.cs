using Hospital.Grains.Abstractions.Booking;

namespace Hospital.Grains.Availability;

/// <summary>The one rule for how a session shows in a calendar, used by pools and by readers of older snapshots.</summary>
public static class SessionStates
{
    /// <summary>A session with this few app slots left shows as "few left".</summary>
    public const int FewLeftThreshold = 5;

    public static SessionState Of(bool stopped, DateTimeOffset opensAt, int available, DateTimeOffset now) =>
        stopped ? SessionState.Stopped
        : now < opensAt ? SessionState.NotReleased
        : available == 0 ? SessionState.Full
        : available <= FewLeftThreshold ? SessionState.FewLeft
        : SessionState.Available;

    /// <summary>The snapshot as of <paramref name="now"/>: a session published before its release time has opened since.</summary>
    public static SessionAvailability AsOf(this SessionAvailability snapshot, DateTimeOffset now) =>
        snapshot with { State = Of(snapshot.State == SessionState.Stopped, snapshot.OpensAt, snapshot.Available, now) };
}
