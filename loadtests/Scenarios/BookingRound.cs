using System.Collections.Concurrent;
using Hospital.LoadTests.Consistency;
using Spectre.Console;

namespace Hospital.LoadTests.Scenarios;

/// <summary>
/// Every patient of a list books its session and pays, as a well-behaved client, all at once as phones do at a release: the
/// client bounds the requests in flight (<see cref="HospitalClient"/>), so a patient waiting for the gateway's answer or a
/// Retry-After keeps nobody else from booking. Until 2026-12-05 each of the users took one patient at a time through its
/// whole payment, so a patient's first tap waited for earlier patients' payments on the same user. The release
/// rehearsal and the burst run this one method, so the runner's own code is already optimized by the JIT at T0: with a
/// lambda of its own the burst's code was compiled three times after T0 (JIT listings), at a time when perf put a fifth
/// to a third of the runner's CPU in the JIT.
/// </summary>
public static class BookingRound
{
    public static Task RunAsync(HospitalClient client, IReadOnlyList<(LoadPatient Patient, string Session)> jobs, ProgressTask progress,
        CancellationToken cancellationToken, ConcurrentBag<AcknowledgedHold>? acknowledged = null, string kindPrefix = "") =>
        VirtualUsers.AllAtOnceAsync(jobs, async (job, ct) =>
        {
            if (await WellBehavedBooking.BookAsync(client, job.Patient, job.Session, pay: true, ct, kindPrefix) is { } hold) acknowledged?.Add(hold);
            progress.Increment(1);
        }, cancellationToken);
}
