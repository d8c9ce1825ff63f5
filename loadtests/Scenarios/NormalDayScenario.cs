using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Hospital.LoadTests.Consistency;
using Hospital.LoadTests.Reporting;
using Spectre.Console;

namespace Hospital.LoadTests.Scenarios;

/// <summary>
/// A normal day on the demo hospital's released sessions: each user loop browses (departments, a doctor's calendar),
/// books an open session for one of the prepared patients, pays most holds through the gateway, and sometimes cancels or
/// reschedules; afterwards the ledger is reconciled with the gateway's statement when a hospital admin is given.
/// Patients stop booking once they have made the day's allowed bookings; the rule refusals that remain (one booking per
/// department and day, two devices of one patient at once) are expected here and counted as refusals.
/// </summary>
public static class NormalDayScenario
{
    /// <summary>Our API's requests (the gateway's cashier page and the wait for a payment to settle are shown by kind only).</summary>
    private static readonly string[] MeasuredKinds =
        ["browse", "calendar", WellBehavedBooking.HoldKind, GatewayPayment.OrderKind, GatewayPayment.PollKind, GatewayPayment.BookedKind, "cancel", "reschedule"];

    public static async Task<RunSummary> RunAsync(RunSettings run, int patientCount, CancellationToken cancellationToken)
    {
        using var http = LoopbackHttp.Create(run.Target, run.Users);
        var log = new RequestLog(run.RequestCap);
        var client = new HospitalClient(http, log, staffToken: null);
        var startedAt = DateTimeOffset.UtcNow;
        var held = new ConcurrentDictionary<string, AcknowledgedHold>();
        var sessions = new ConcurrentDictionary<string, bool>();
        var bookedToday = new ConcurrentDictionary<string, int>();
        long started = 0;
        double ceiling = 0;

        await AnsiConsole.Progress().StartAsync(async progress =>
        {
            var patients = await PatientPreparation.RegisterAsync(client, run, patientCount, progress.AddTask("register patients", maxValue: patientCount), cancellationToken);
            var doctors = (await http.GetFromJsonAsync<JsonElement>("/api/doctors", cancellationToken)).EnumerateArray().Select(d => d.GetProperty("id").GetInt32()).ToArray();
            var day = progress.AddTask("normal day", maxValue: run.Duration.TotalSeconds);
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(run.Duration);
            started = Stopwatch.GetTimestamp();
            var ticker = Task.Run(async () => { while (await VirtualUsers.DelayAsync(TimeSpan.FromSeconds(1), deadline.Token)) day.Increment(1); }, CancellationToken.None);
            await VirtualUsers.RepeatAsync(run.Users, (user, ct) =>
                new PatientVisit(client, Random.Shared, held, sessions, bookedToday).RunAsync(patients[Random.Shared.Next(patients.Count)], doctors, ct), deadline.Token);
            await ticker;
            day.Value = day.MaxValue;
            ceiling = await CeilingProbe.MeasureAsync(client, log, run.Users, run.CeilingDuration, cancellationToken);
        });

        ReconciliationFigures? reconciliation = null;
        if (run.Staff is not null)
        {
            using var adminHttp = LoopbackHttp.Create(run.Target, users: 1);
            var admin = new HospitalClient(adminHttp, log, await StaffSignIn.TokenAsync(adminHttp, run.Staff, cancellationToken));
            reconciliation = await GatewayReconciliation.ReconcileAsync(admin, cancellationToken);
        }
        var consistency = run.ConnectionString is { } connectionString && !sessions.IsEmpty
            ? await ConsistencyChecker.For(run.Provider, connectionString).CheckAsync([.. sessions.Keys], [.. held.Values], cancellationToken)
            : null;
        var samples = log.Of(MeasuredKinds);
        var totals = RunTotals.From(samples, started);
        var holds = log.Of(WellBehavedBooking.HoldKind).Count(s => s.Outcome == Outcome.Success);
        var payments = PaymentFigures.From(log.Of(GatewayPayment.SettledKind));
        return new RunSummary(RunSummary.NormalDay, run.Backend, startedAt, run.Users, totals.Requests, holds, payments.Booked,
            totals.SoldOut, totals.NotReleased, totals.Overloaded, totals.Rejected, totals.Errors, totals.Seconds, totals.Throughput, totals.Latency,
            null, ceiling, consistency, KindFigures.Of(log.Of([.. MeasuredKinds, GatewayPayment.CashierKind, GatewayPayment.SettledKind])),
            Payments: payments, Reconciliation: reconciliation);
    }
}
