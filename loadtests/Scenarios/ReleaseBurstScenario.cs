using System.Collections.Concurrent;
using System.Diagnostics;
using Hospital.LoadTests.Consistency;
using Hospital.LoadTests.Reporting;
using Spectre.Console;

namespace Hospital.LoadTests.Scenarios;

/// <summary>
/// The release burst: N patients registered beforehand; M sessions of a fresh department open at T0 (the real release
/// gate); unless told not to, the patients first book in already open sessions (<see cref="ReleaseRehearsal"/>), as on
/// a server that has been running; each patient is warmed with one refused request before T0 (<see cref="ReleaseWarmUp"/>);
/// at T0 every patient tries to hold a slot of its session and pays for what it holds. Then the same users measure the
/// HTTP ceiling, the database is checked, and the summary is printed and written.
/// </summary>
public static class ReleaseBurstScenario
{
    public static async Task<RunSummary> RunAsync(string name, RunSettings run, BurstSettings burst, CancellationToken cancellationToken)
    {
        using var http = LoopbackHttp.Create(run.Target, run.Users);
        var log = new RequestLog(run.RequestCap);
        var client = new HospitalClient(http, log, run.AdminKey);
        using var adminHttp = LoopbackHttp.Create(burst.AdminTarget ?? run.Target, users: 1);
        var admin = new HospitalClient(adminHttp, log, run.AdminKey);
        var startedAt = DateTimeOffset.UtcNow;
        var acknowledged = new ConcurrentBag<AcknowledgedHold>();
        BurstDepartment department = null!;
        long t0 = 0;
        double ceiling = 0;

        await AnsiConsole.Progress().StartAsync(async progress =>
        {
            var registering = progress.AddTask("register patients", maxValue: burst.Patients);
            var patients = await PatientPreparation.RegisterAsync(client, burst.Patients, run.Users, registering, cancellationToken);
            if (burst.Rehearse)
            {
                var rehearsal = await BurstDepartment.CreateOpenAsync(admin, adminHttp, ReleaseRehearsal.Sessions, burst.Quota, cancellationToken);
                if (burst.AdminTarget is not null) await ReleaseRehearsal.WaitForEveryNodeToPlanAsync(progress, cancellationToken);
                await ReleaseRehearsal.RunAsync(client, rehearsal, patients, run.Users, progress.AddTask("rehearsal (open sessions)"), cancellationToken);
            }
            // T0 is chosen after the rehearsal, so the lead also gives the JIT its quiet time to optimize what the rehearsal made hot.
            var opensAt = WholeMinuteAfter(DateTimeOffset.UtcNow + burst.Lead);
            department = await BurstDepartment.CreateAsync(admin, adminHttp, burst.Sessions, burst.Quota, opensAt, cancellationToken);
            var jobs = patients.Select((p, i) => (Patient: p, Session: department.SessionIds[i % department.SessionIds.Count])).ToList();
            await ReleaseWarmUp.RunAsync(client, jobs, run.Users, opensAt, acknowledged, progress.AddTask("warm up (not released)", maxValue: jobs.Count), cancellationToken);
            if (burst.T0File is { } t0File) await File.WriteAllTextAsync(t0File, $"{opensAt.ToUnixTimeSeconds()}\n", cancellationToken);
            var untilT0 = opensAt - DateTimeOffset.UtcNow;
            if (untilT0 < TimeSpan.FromMilliseconds(500)) throw new InvalidOperationException($"Set-up ended {-untilT0} after T0; raise --lead.");
            progress.AddTask($"wait for T0 {opensAt:HH:mm:ss}Z", maxValue: 1).Increment(1);
            await Task.Delay(untilT0, cancellationToken);

            var booking = progress.AddTask("release burst", maxValue: patients.Count);
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(run.Duration);
            t0 = Stopwatch.GetTimestamp();
            await VirtualUsers.RunAsync(jobs, run.Users,
                async (job, ct) =>
                {
                    if (await WellBehavedBooking.BookAsync(client, job.Patient, job.Session, pay: true, ct) is { } hold) acknowledged.Add(hold);
                    booking.Increment(1);
                }, deadline.Token);

            var probing = progress.AddTask("HTTP ceiling (/health/live)", maxValue: 1);
            ceiling = await CeilingProbe.MeasureAsync(client, log, run.Users, run.CeilingDuration, cancellationToken);
            probing.Increment(1);
        });

        var consistency = run.ConnectionString is { } connectionString
            ? await ConsistencyChecker.For(run.Provider, connectionString).CheckAsync(department.SessionIds, [.. acknowledged], cancellationToken)
            : null;
        return Summarize(name, run, burst, log, t0, startedAt, ceiling, [.. acknowledged], consistency);
    }

    private static RunSummary Summarize(string name, RunSettings run, BurstSettings burst, RequestLog log, long t0, DateTimeOffset startedAt,
        double ceiling, IReadOnlyList<AcknowledgedHold> acknowledged, ConsistencyReport? consistency)
    {
        var samples = log.Of(WellBehavedBooking.HoldKind, WellBehavedBooking.PayKind);
        var totals = RunTotals.From(samples, t0);
        var holds = samples.Where(s => s.Kind == WellBehavedBooking.HoldKind && s.Outcome == Outcome.Success).ToList();
        double? untilSoldOut = holds.Count >= burst.Sessions * burst.Quota
            ? Math.Round((holds.Max(s => s.StartedAt + s.ElapsedTicks) - t0) / (double)Stopwatch.Frequency, 3)
            : null;
        return new RunSummary(name, run.Backend, startedAt, run.Users, totals.Requests, holds.Count, acknowledged.Count(a => a.Paid),
            totals.SoldOut, totals.NotReleased, totals.Overloaded, totals.Rejected, totals.Errors, totals.Seconds, totals.Throughput,
            totals.Latency, untilSoldOut, ceiling, consistency, KindFigures.Of(samples));
    }

    // Release times are stored to the minute, so T0 is the first whole minute after the lead.
    private static DateTimeOffset WholeMinuteAfter(DateTimeOffset instant) =>
        new(instant.Ticks - instant.Ticks % TimeSpan.TicksPerMinute + TimeSpan.TicksPerMinute, instant.Offset);
}
