using Hospital.Silo.Hosting;
using Spectre.Console;

namespace Hospital.LoadTests.Scenarios;

/// <summary>
/// Before T0 the patients book and pay, like small releases, in a department whose sessions are already open. A node that
/// serves a 07:00 release has been up for hours, its booking path compiled by .NET's tiered JIT into optimized code. A
/// process started a minute before T0 would instead compile it during the burst: perf measured about a quarter of the
/// API's CPU, and a third of the runner's, in the JIT during an unrehearsed burst of well under a second.
/// The rehearsal runs in passes with a pause after each, because the runtime counts calls towards optimizing a method only
/// once 100 ms have gone by without a new method being compiled: within one busy pass that hardly ever happens, and a
/// single pass left about 360 methods (the batch writer's among them) to be compiled during the burst. Every method climbs
/// two steps (instrumented, then optimized), each after its own counted calls: with three passes the batch writer's commit
/// (10 KB of machine code) was sometimes still being optimized in the first second after T0, in the burst's busiest part.
/// Each pass has its own patients (a fifth of them) and its own sessions; its requests are logged under their own kinds
/// and its bookings are not part of the consistency check.
/// </summary>
public static class ReleaseRehearsal
{
    public const string KindPrefix = "rehearsal ";

    private const int Passes = 5;

    /// <summary>Sessions each pass books: three doctors, three periods each.</summary>
    private const int SessionsPerPass = 9;

    public const int Sessions = Passes * SessionsPerPass;

    /// <summary>Long enough for the JIT's 100 ms quiet period, and for it to optimize what the pass made hot.</summary>
    private static readonly TimeSpan PauseAfterPass = TimeSpan.FromSeconds(1);

    /// <summary>
    /// With several nodes, the others learn of the rehearsal's department (set up on one) only at their next periodic plan;
    /// until then they would answer its holds "no such session". Plans fall at second 30 with the default 1 minute period,
    /// and at seconds 5, 15, ... with the 10 s of scripts/two-nodes.sh (<see cref="PlanningSchedule"/>), so the rehearsal
    /// starts 10 s after the next second 30, when either has planned.
    /// </summary>
    public static async Task WaitForEveryNodeToPlanAsync(ProgressContext progress, CancellationToken cancellationToken)
    {
        var delay = PlanningSchedule.DelayToNext(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(1)) + TimeSpan.FromSeconds(10);
        progress.AddTask($"wait {delay.TotalSeconds:0} s for every node's next plan", maxValue: 1).Increment(1);
        await Task.Delay(delay, cancellationToken);
    }

    public static async Task RunAsync(HospitalClient client, BurstDepartment department, IReadOnlyList<LoadPatient> patients, ProgressTask progress,
        CancellationToken cancellationToken)
    {
        progress.MaxValue = patients.Count;
        for (var pass = 0; pass < Passes; pass++)
        {
            var sessions = department.SessionIds.Skip(pass * SessionsPerPass).Take(SessionsPerPass).ToList();
            var jobs = patients.Where((_, i) => i % Passes == pass).Select((p, i) => (Patient: p, Session: sessions[i % sessions.Count])).ToList();
            await BookingRound.RunAsync(client, jobs, progress, cancellationToken, kindPrefix: KindPrefix);
            await Task.Delay(PauseAfterPass, cancellationToken);
        }
    }
}
