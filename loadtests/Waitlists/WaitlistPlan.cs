using Hospital.LoadTests.Scenarios;

namespace Hospital.LoadTests.Waitlists;

/// <summary>
/// Who does what in the waitlisted sessions of a burst: the waiting patients of --waitlist spread over the first sessions,
/// <see cref="WaitingPerSession"/> to a session; in each, half as many holders (rounded up) who will cancel, so some still
/// wait after every returned slot is offered; and one newcomer.
/// </summary>
public sealed record WaitlistPlan(IReadOnlyList<WaitlistPlan.Session> Sessions)
{
    public const int WaitingPerSession = 4;

    public sealed record Session(string SessionId, IReadOnlyList<LoadPatient> Waiting, IReadOnlyList<LoadPatient> Cancelling, LoadPatient Newcomer);

    /// <summary>Patients the plan needs besides the burst's own: the waiting ones and a newcomer per session.</summary>
    public static int ExtraPatients(int waiting) => waiting + SessionCount(waiting);

    /// <summary>Holders the plan takes from the burst's patients.</summary>
    public static int Holders(int waiting) => Enumerable.Range(0, SessionCount(waiting)).Sum(i => Cancelling(WaitingIn(i, waiting)));

    /// <summary>Spreads <paramref name="extra"/> (<see cref="ExtraPatients"/> of them) and <paramref name="holders"/> (<see cref="Holders"/>) over the first sessions.</summary>
    public static WaitlistPlan Spread(IReadOnlyList<string> sessionIds, IReadOnlyList<LoadPatient> extra, IReadOnlyList<LoadPatient> holders, int waiting)
    {
        var count = SessionCount(waiting);
        if (count > sessionIds.Count) throw new ArgumentException($"--waitlist {waiting} needs {count} sessions ({WaitingPerSession} waiting each); the burst has {sessionIds.Count}.");
        var sessions = new List<Session>();
        var nextHolder = 0;
        for (var i = 0; i < count; i++)
        {
            var waitingHere = extra.Skip(i * WaitingPerSession).Take(WaitingIn(i, waiting)).ToList();
            var cancelling = holders.Skip(nextHolder).Take(Cancelling(waitingHere.Count)).ToList();
            nextHolder += cancelling.Count;
            sessions.Add(new Session(sessionIds[i], waitingHere, cancelling, extra[waiting + i]));
        }

        return new WaitlistPlan(sessions);
    }

    private static int SessionCount(int waiting) => (waiting + WaitingPerSession - 1) / WaitingPerSession;

    private static int WaitingIn(int session, int waiting) => Math.Min(WaitingPerSession, waiting - session * WaitingPerSession);

    private static int Cancelling(int waiting) => (waiting + 1) / 2;
}
