using System.Collections.Concurrent;
using Hospital.LoadTests.Consistency;
using Spectre.Console;

namespace Hospital.LoadTests.Scenarios;

/// <summary>
/// Every patient of a list books its session and pays, as a well-behaved client, on a bounded number of users. The release
/// rehearsal and the burst run this one method, so the runner's own code is already optimized by the JIT at T0: with a
/// lambda of its own the burst's code was compiled three times after T0 (JIT listings), at a time when perf put a fifth
/// to a third of the runner's CPU in the JIT.
/// </summary>
public static class BookingRound
{
    public static Task RunAsync(HospitalClient client, IReadOnlyList<(LoadPatient Patient, string Session)> jobs, int users, ProgressTask progress,
        CancellationToken cancellationToken, ConcurrentBag<AcknowledgedHold>? acknowledged = null, string kindPrefix = "") =>
        VirtualUsers.RunAsync(jobs, users, async (job, ct) =>
        {
            if (await WellBehavedBooking.BookAsync(client, job.Patient, job.Session, pay: true, ct, kindPrefix) is { } hold) acknowledged?.Add(hold);
            progress.Increment(1);
        }, cancellationToken);
}
