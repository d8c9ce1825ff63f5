using System.Collections.Concurrent;
using Hospital.LoadTests.Reporting;
using Hospital.LoadTests.Scenarios;
using Spectre.Console;

namespace Hospital.LoadTests.Faults;

/// <summary>
/// The burst a fault lands in: patients registered, a department whose sessions are open, then every patient holds one
/// slot and pays for it a little later, as in a payment app (up to <c>PayWithin</c>), their bookings spread evenly over
/// the span, so some come before the fault, some during it and some after it: pays of holds made before the fault are
/// sent during it. The clients keep trying through the fault with the same Idempotency-Keys (<see cref="RetryPolicy.ThroughFaults"/>):
/// an answer that never came is not an acknowledgement, and only acknowledgements are recorded, with their time.
/// </summary>
public static class FaultBurst
{
    public static async Task<FaultBurstState> RunAsync(RunSettings run, FaultBurstSettings burst, CancellationToken cancellationToken)
    {
        // The set-up before the burst (registrations, the department) waits for its answers as any run does: a fault's short
        // time-out there failed registrations that a freshly started API answered late on a busy machine (CI, 2026-12-06).
        using var setUpHttp = LoopbackHttp.Create(run.Target, run.Users);
        using var http = LoopbackHttp.Create(run.Target, run.Users);
        http.Timeout = burst.RequestTimeout;
        var log = new RequestLog(run.RequestCap);
        var setUp = new HospitalClient(setUpHttp, log, await StaffSignIn.TokenAsync(setUpHttp, run.Staff, cancellationToken));
        var client = new HospitalClient(http, log, staffToken: null); // the burst's requests are the patients' own
        var acknowledged = new ConcurrentQueue<TimedAcknowledgement>();
        BurstDepartment department = null!;

        await AnsiConsole.Progress().StartAsync(async progress =>
        {
            var patients = await PatientPreparation.RegisterAsync(setUp, run, burst.Patients,
                progress.AddTask("register patients", maxValue: burst.Patients), cancellationToken);
            department = await BurstDepartment.CreateOpenAsync(setUp, setUpHttp, burst.Sessions, burst.Quota, cancellationToken);
            var booking = progress.AddTask($"book and pay over {burst.Span.TotalSeconds:0} s ({burst.Fault})", maxValue: patients.Count);
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(run.Duration);
            var start = DateTimeOffset.UtcNow;
            var pace = burst.Span / patients.Count;
            var jobs = patients.Select((p, i) => (Patient: p, Session: department.SessionIds[i % department.SessionIds.Count], Due: start + pace * i,
                PayAfter: PayAfter(i, burst.PayWithin))).ToList();
            if (burst.StartedFile is { } startedFile) await File.WriteAllTextAsync(startedFile, $"{start.ToUnixTimeMilliseconds()}\n", cancellationToken);
            await VirtualUsers.RunAsync(jobs, run.Users, async (job, ct) =>
            {
                if (!await VirtualUsers.DelayAsync(Max(job.Due - DateTimeOffset.UtcNow, TimeSpan.Zero), ct)) return;
                if (await WellBehavedBooking.BookAsync(client, job.Patient, job.Session, pay: false, ct, policy: RetryPolicy.ThroughFaults) is { } hold)
                {
                    var heldAt = DateTimeOffset.UtcNow;
                    var paid = await VirtualUsers.DelayAsync(job.PayAfter, ct)
                        ? await WellBehavedBooking.PayAsync(client, job.Patient, hold, ct, policy: RetryPolicy.ThroughFaults)
                        : hold;
                    acknowledged.Enqueue(new TimedAcknowledgement(paid, paid.Paid ? DateTimeOffset.UtcNow : heldAt));
                }
                booking.Increment(1);
            }, deadline.Token);
        });

        var state = new FaultBurstState(burst.Fault, department.SessionIds, [.. acknowledged], AnswerCounts.From(log.Of(
            ["register", WellBehavedBooking.HoldKind, .. GatewayPayment.RequestKinds])), await FaultBurstState.ReadInstantAsync(burst.FaultFile));
        await state.WriteAsync(burst.StateFile);
        AnsiConsole.WriteLine(
            $"{burst.Fault}: {state.Acknowledged.Count} holds and {state.Acknowledged.Count(a => a.Hold.Paid)} payments acknowledged " +
            $"({state.AcknowledgedBeforeFault} before the fault, {state.AcknowledgedAfterFault} after); {state.Answers.Requests} requests, " +
            $"{state.Answers.ServerErrors} server errors, {state.Answers.Unavailable} × 503, {state.Answers.Unanswered} unanswered");
        return state;
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    /// <summary>How long the i-th patient takes to pay once it holds: spread evenly over [0, within), the same in every run.</summary>
    private static TimeSpan PayAfter(int i, TimeSpan within) =>
        within <= TimeSpan.Zero ? TimeSpan.Zero : TimeSpan.FromTicks(i * 7919L % 1000 * within.Ticks / 1000);
}
