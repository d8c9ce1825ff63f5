using Spectre.Console;

namespace Hospital.LoadTests.Scenarios;

/// <summary>
/// Before T0 the patients book and pay, like a small release, in a department whose sessions are already open. A node that
/// serves a 07:00 release has been up for hours, its booking path compiled by .NET's tiered JIT into optimized code. A
/// process started a minute before T0 would instead compile it during the burst: perf measured about a quarter of the
/// API's CPU, and a third of the runner's, in the JIT during an unrehearsed burst of well under a second. The rehearsal's
/// requests are logged under their own kinds and its bookings are not part of the consistency check.
/// </summary>
public static class ReleaseRehearsal
{
    public const string KindPrefix = "rehearsal ";

    /// <summary>Sessions of the rehearsal's department: three doctors, three periods each.</summary>
    public const int Sessions = 9;

    public static async Task RunAsync(HospitalClient client, BurstDepartment department, IReadOnlyList<string> patients, int users, ProgressTask progress,
        CancellationToken cancellationToken)
    {
        var jobs = patients.Select((p, i) => (Patient: p, Session: department.SessionIds[i % department.SessionIds.Count])).ToList();
        progress.MaxValue = jobs.Count;
        await VirtualUsers.RunAsync(jobs, users, async (job, ct) =>
        {
            await WellBehavedBooking.BookAsync(client, job.Patient, job.Session, pay: true, ct, KindPrefix);
            progress.Increment(1);
        }, cancellationToken);
    }
}
