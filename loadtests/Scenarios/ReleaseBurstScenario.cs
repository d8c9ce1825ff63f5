using System.Collections.Concurrent;
using System.Diagnostics;
using Hospital.LoadTests.Consistency;
using Hospital.LoadTests.Reporting;
using Hospital.LoadTests.Waitlists;
using Spectre.Console;

namespace Hospital.LoadTests.Scenarios;

/// <summary>
/// The release burst: N patients registered beforehand; M sessions of a fresh department open at T0 (the real release
/// gate); unless told not to, the patients first book in already open sessions (<see cref="ReleaseRehearsal"/>), as on
/// a server that has been running; each patient is warmed with one refused request before T0 (<see cref="ReleaseWarmUp"/>);
/// at T0 every patient tries to hold a slot of its session and pays for what it holds through the gateway. The same users
/// measure the HTTP ceiling, half before T0 and half after the burst; then the ledger is reconciled with the gateway's
/// statement and the database is checked, and the summary is printed and written.
/// </summary>
public static class ReleaseBurstScenario
{
    public static async Task<RunSummary> RunAsync(string name, RunSettings run, BurstSettings burst, CancellationToken cancellationToken)
    {
        using var http = LoopbackHttp.Create(run.Target, run.Users);
        var log = new RequestLog(run.RequestCap);
        var client = new HospitalClient(http, log, staffToken: null, requestsInFlight: run.Users);
        using var adminHttp = LoopbackHttp.Create(burst.AdminTarget ?? run.Target, users: 1);
        var admin = new HospitalClient(adminHttp, log, await StaffSignIn.TokenAsync(adminHttp, run.Staff, cancellationToken));
        var startedAt = DateTimeOffset.UtcNow;
        var acknowledged = new ConcurrentBag<AcknowledgedHold>();
        BurstDepartment department = null!;
        long t0 = 0;
        CeilingFigures ceilings = null!;
        (WriterFigures Pool, WriterFigures Shared)? writers = null;
        WaitlistPlan? waitlist = null;
        WaitlistRound? waitlistRound = null;

        await AnsiConsole.Progress().StartAsync(async progress =>
        {
            var extra = burst.Waitlist > 0 ? WaitlistPlan.ExtraPatients(burst.Waitlist) : 0;
            var registering = progress.AddTask("register patients", maxValue: burst.Patients + extra);
            var registered = await PatientPreparation.RegisterAsync(client, run, burst.Patients + extra, registering, cancellationToken);
            var patients = registered.Take(burst.Patients).ToList();
            if (burst.Rehearse)
            {
                var rehearsal = await BurstDepartment.CreateOpenAsync(admin, adminHttp, ReleaseRehearsal.Sessions, burst.Quota, cancellationToken);
                if (burst.AdminTarget is not null) await ReleaseRehearsal.WaitForEveryNodeToPlanAsync(progress, cancellationToken);
                await ReleaseRehearsal.RunAsync(client, rehearsal, patients, progress.AddTask("rehearsal (open sessions)"), cancellationToken);
            }
            // T0 is chosen after the rehearsal, so the lead also gives the JIT its quiet time to optimize what the rehearsal made hot.
            var opensAt = WholeMinuteAfter(DateTimeOffset.UtcNow + burst.Lead);
            department = await BurstDepartment.CreateAsync(admin, adminHttp, burst.Sessions, burst.Quota, opensAt, cancellationToken);
            var jobs = patients.Select((p, i) => (Patient: p, Session: department.SessionIds[i % department.SessionIds.Count])).ToList();
            if (burst.Waitlist > 0)
            {
                // The holders who will cancel book in the waitlist round (which must know their holds), not in the burst's round.
                var holders = WaitlistPlan.Holders(burst.Waitlist);
                waitlist = WaitlistPlan.Spread(department.SessionIds, registered.Skip(burst.Patients).ToList(), patients.Take(holders).ToList(), burst.Waitlist);
                waitlistRound = new WaitlistRound(client, waitlist);
                jobs = jobs.Skip(holders).ToList();
            }
            await ReleaseWarmUp.RunAsync(client, jobs, run.Users, opensAt, acknowledged, progress.AddTask("warm up (not released)", maxValue: jobs.Count), cancellationToken);
            // Half the ceiling now and half after the burst (CeilingFigures): the machine is shared.
            var halfCeiling = run.CeilingDuration / 2;
            var probingBefore = progress.AddTask("HTTP ceiling before T0 (/health/live)", maxValue: 1);
            var ceilingBeforeT0 = await CeilingProbe.MeasureAsync(client, log, run.Users, halfCeiling, cancellationToken, CeilingProbe.BeforeT0Kind);
            probingBefore.Increment(1);
            if (burst.T0File is { } t0File) await File.WriteAllTextAsync(t0File, $"{opensAt.ToUnixTimeSeconds()}\n", cancellationToken);
            // One node's writers tell the whole story only when it is the only node.
            var writerBefore = burst.AdminTarget is null ? await WriterScrape.ScrapeAsync(http, cancellationToken) : null;
            var untilT0 = opensAt - DateTimeOffset.UtcNow;
            if (untilT0 < TimeSpan.FromMilliseconds(500)) throw new InvalidOperationException($"Set-up ended {-untilT0} after T0; raise --lead.");
            progress.AddTask($"wait for T0 {opensAt:HH:mm:ss}Z", maxValue: 1).Increment(1);
            await Task.Delay(untilT0, cancellationToken);

            var booking = progress.AddTask("release burst", maxValue: patients.Count);
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(run.Duration);
            t0 = Stopwatch.GetTimestamp();
            await Task.WhenAll(BookingRound.RunAsync(client, jobs, booking, deadline.Token, acknowledged),
                waitlistRound?.RunAsync(deadline.Token) ?? Task.CompletedTask);
            if (writerBefore is not null)
            {
                var writerAfter = await WriterScrape.ScrapeAsync(http, cancellationToken);
                writers = (WriterFigures.Between(writerBefore.Pool, writerAfter.Pool), WriterFigures.Between(writerBefore.Shared, writerAfter.Shared));
            }

            var probing = progress.AddTask("HTTP ceiling after the burst (/health/live)", maxValue: 1);
            ceilings = new CeilingFigures(ceilingBeforeT0, await CeilingProbe.MeasureAsync(client, log, run.Users, halfCeiling, cancellationToken));
            probing.Increment(1);
        });

        // First, as it waits for payments still settling; the consistency check then sees them settled too.
        var reconciliation = await GatewayReconciliation.ReconcileAsync(admin, cancellationToken);
        var consistency = run.ConnectionString is { } connectionString
            ? await ConsistencyChecker.For(run.Provider, connectionString).CheckAsync(department.SessionIds, [.. acknowledged], cancellationToken)
            : null;
        var waitlistReport = run.ConnectionString is { } database && waitlist is not null && waitlistRound is not null
            ? await WaitlistChecker.For(run.Provider, database).CheckAsync(waitlist, waitlistRound, cancellationToken)
            : null;
        return Summarize(name, run, burst, log, t0, startedAt, ceilings, [.. acknowledged], consistency, writers, reconciliation) with { Waitlist = waitlistReport };
    }

    /// <summary>
    /// The headline figures (throughput, latency, the goal) count the patient's requests that change something, one of each
    /// per patient as before the gateway: the hold and the opening of its payment order. Not counted: the cashier (the gateway's
    /// page; on a real gateway another company's server), the order polls and the booked check (reads whose number is the
    /// client's choice of polling interval; a faster poll would raise the throughput without serving anyone more) and the wait
    /// from the cashier to Booked (no request); each is shown on its own in the figures by kind and in the payment figures.
    /// </summary>
    private static readonly string[] HeadlineKinds = [WellBehavedBooking.HoldKind, GatewayPayment.OrderKind];

    private static RunSummary Summarize(string name, RunSettings run, BurstSettings burst, RequestLog log, long t0, DateTimeOffset startedAt,
        CeilingFigures ceilings, IReadOnlyList<AcknowledgedHold> acknowledged, ConsistencyReport? consistency, (WriterFigures Pool, WriterFigures Shared)? writers,
        ReconciliationFigures reconciliation)
    {
        var samples = log.Of(HeadlineKinds);
        var totals = RunTotals.From(samples, t0);
        var holds = samples.Where(s => s.Kind == WellBehavedBooking.HoldKind && s.Outcome == Outcome.Success).ToList();
        double? untilSoldOut = holds.Count >= burst.Sessions * burst.Quota
            ? Math.Round((holds.Max(s => s.StartedAt + s.ElapsedTicks) - t0) / (double)Stopwatch.Frequency, 3)
            : null;
        return new RunSummary(name, run.Backend, startedAt, run.Users, totals.Requests, holds.Count, acknowledged.Count(a => a.Paid),
            totals.SoldOut, totals.NotReleased, totals.Overloaded, totals.Rejected, totals.Errors, totals.Seconds, totals.Throughput,
            totals.Latency, untilSoldOut, ceilings.Mean, consistency, KindFigures.Of(log.Of([.. HeadlineKinds, .. GatewayPayment.RequestKinds, GatewayPayment.SettledKind]), t0),
            writers?.Pool, ceilings, Payments: PaymentFigures.From(log.Of(GatewayPayment.SettledKind)), Reconciliation: reconciliation,
            SharedWriter: writers?.Shared);
    }

    // Release times are stored to the minute, so T0 is the first whole minute after the lead.
    private static DateTimeOffset WholeMinuteAfter(DateTimeOffset instant) =>
        new(instant.Ticks - instant.Ticks % TimeSpan.TicksPerMinute + TimeSpan.TicksPerMinute, instant.Offset);
}
