using System.Collections.Concurrent;
using Hospital.LoadTests.Consistency;
using Hospital.LoadTests.Scenarios;

namespace Hospital.LoadTests.Waitlists;

/// <summary>
/// The waitlist part of a release burst, run beside the burst from T0. In each waitlisted session: patients ask to join
/// its waitlist until it is sold out (before, the API answers "book instead"); a few holders, who booked and paid at T0
/// like everyone, cancel once every waiting patient of their session has joined, fewer than wait; and right after each
/// cancellation is acknowledged a newcomer asks for a hold in that session, as the fastest client would. The returned slot
/// must go to the first waiting patient, never to the newcomer (<see cref="WaitlistChecker"/>).
/// </summary>
public sealed class WaitlistRound(HospitalClient client, WaitlistPlan plan)
{
    public const string JoinKind = "waitlist join", CancelKind = "waitlist cancel", NewcomerPrefix = "newcomer ";

    /// <summary>How soon a patient told "slots free" asks again, as a phone app refreshing the session would (also how often a holder looks whether everyone has joined).</summary>
    private static readonly TimeSpan JoinRetryPause = TimeSpan.FromMilliseconds(250);

    private readonly ConcurrentDictionary<string, int> _joined = new();

    /// <summary>Cancellations acknowledged with 200: the slot each returned.</summary>
    public ConcurrentBag<AcknowledgedHold> Cancelled { get; } = [];

    /// <summary>Holds a newcomer got after a cancellation: must stay empty.</summary>
    public ConcurrentBag<AcknowledgedHold> NewcomerHolds { get; } = [];

    public int Joined => _joined.Values.Sum();

    public Task RunAsync(CancellationToken cancellationToken) => Task.WhenAll(
        plan.Sessions.SelectMany(s => s.Waiting.Select(p => Task.Run(() => JoinAsync(p, s.SessionId, cancellationToken), CancellationToken.None))
            .Concat(s.Cancelling.Select(p => Task.Run(() => BookThenCancelAsync(p, s, cancellationToken), CancellationToken.None)))));

    private async Task JoinAsync(LoadPatient patient, string sessionId, CancellationToken cancellationToken)
    {
        while (await client.PostAsync(JoinKind, $"/api/patients/{patient.Id}/waitlists", new { sessionId }, null, patient.AccessToken, cancellationToken) is { } answer)
        {
            if (answer.Status == 201)
            {
                _joined.AddOrUpdate(sessionId, 1, (_, n) => n + 1);
                return;
            }
            if (answer.Code != "waitlist.slots_free" || !await VirtualUsers.DelayAsync(JoinRetryPause, cancellationToken)) return;
        }
    }

    private async Task BookThenCancelAsync(LoadPatient holder, WaitlistPlan.Session session, CancellationToken cancellationToken)
    {
        if (await WellBehavedBooking.BookAsync(client, holder, session.SessionId, pay: true, cancellationToken) is not { } hold) return;
        while (_joined.GetValueOrDefault(session.SessionId) < session.Waiting.Count)
            if (!await VirtualUsers.DelayAsync(JoinRetryPause, cancellationToken)) return;
        var cancelled = await client.PostAsync(CancelKind, $"/api/appointments/{hold.AppointmentId}/cancel", null, null, holder.AccessToken, cancellationToken);
        if (cancelled is not { Status: 200 }) return;
        Cancelled.Add(hold);
        if (await WellBehavedBooking.BookAsync(client, session.Newcomer, session.SessionId, pay: false, cancellationToken, NewcomerPrefix) is { } stolen)
            NewcomerHolds.Add(stolen);
    }
}
