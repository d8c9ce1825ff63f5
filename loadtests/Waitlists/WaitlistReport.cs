namespace Hospital.LoadTests.Waitlists;

/// <summary>
/// What the database says of the waitlisted sessions after a burst. <c>ReturnedNotOffered</c>: returned slots now held by
/// anything but an offer to a waiting patient (or free); <c>OutOfOrder</c>: offers made while a patient who joined earlier
/// still waits; <c>NewcomerHolds</c>: holds newcomers got in those sessions (acknowledged, or rows of theirs). All must be
/// 0, and something must have been cancelled for the run to prove anything.
/// </summary>
public sealed record WaitlistReport(int Sessions, int Joined, int Cancelled, int Offered, int ReturnedNotOffered, int OutOfOrder, int NewcomerHolds,
    IReadOnlyList<string> Details)
{
    public bool Passed => Cancelled > 0 && ReturnedNotOffered == 0 && OutOfOrder == 0 && NewcomerHolds == 0;
}
