using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Hospital.Api.Apis;
using Hospital.LoadTests.Consistency;
using Hospital.LoadTests.Reporting;
using Hospital.LoadTests.Scenarios;
using Spectre.Console;

namespace Hospital.LoadTests.VisitDay;

/// <summary>
/// A visit day (issue 21): sessions of today in the period that is on now (<see cref="VisitDayDepartment"/>), each with
/// its booked and paid patients; then the "morning": patients come to check in at the window at a realistic pace
/// (<see cref="VisitDayPatient.Plan"/>), each session's doctor calls, starts and completes visits (<see cref="DoctorDesk"/>),
/// waiting-room screens watch every session's board over Server-Sent Events (<see cref="BoardWatcher"/>), and other
/// patients run the normal day's mix on the demo hospital's other days. Reports the morning's throughput and latency per
/// kind, the board's lag after each call, and checks the database (<see cref="ConsistencyChecker"/>, <see cref="VisitDayChecker"/>).
/// </summary>
public static class VisitDayScenario
{
    public const string Name = "visit-day";
    public const string VisitCodeKind = "visit code", CheckInKind = "check-in", BoardLagKind = "board lag (call acknowledged → board)";

    private const string SetUpPrefix = "set-up ";

    private static readonly string[] BackgroundKinds = ["browse", "calendar", WellBehavedBooking.HoldKind, .. GatewayPayment.RequestKinds, "cancel", "reschedule"];
    private static readonly string[] MorningKinds = [VisitCodeKind, CheckInKind, DoctorDesk.CallKind, DoctorDesk.StartKind, DoctorDesk.CompleteKind];

    public static async Task<RunSummary> RunAsync(RunSettings run, VisitDaySettings day, CancellationToken cancellationToken)
    {
        using var http = LoopbackHttp.Create(run.Target, run.Users);
        using var boardHttp = LoopbackHttp.Create(run.Target, day.Sessions * day.BoardsPerSession);
        var log = new RequestLog(run.RequestCap);
        var client = new HospitalClient(http, log, staffToken: null);
        var admin = new HospitalClient(http, log, await StaffSignIn.TokenAsync(http, run.Staff, cancellationToken));
        var startedAt = DateTimeOffset.UtcNow;
        var visitPatientCount = day.Sessions * day.PatientsPerSession;
        var planned = new ConcurrentBag<VisitDayPatient>();
        var checkedIn = new ConcurrentBag<string>();
        var desks = new List<DoctorDesk>();
        var watcher = new BoardWatcher(boardHttp);
        var held = new ConcurrentDictionary<string, AcknowledgedHold>();
        var backgroundSessions = new ConcurrentDictionary<string, bool>();
        VisitDayDepartment department = null!;
        long morningStarted = 0;
        double ceiling = 0;

        await AnsiConsole.Progress().StartAsync(async progress =>
        {
            var patients = await PatientPreparation.RegisterAsync(client, run, visitPatientCount + day.BackgroundPatients,
                progress.AddTask("register patients", maxValue: visitPatientCount + day.BackgroundPatients), cancellationToken);
            department = await VisitDayDepartment.CreateAsync(admin, http, day.Sessions, day.PatientsPerSession, cancellationToken);
            var booked = await BookAsync(client, department, patients.Take(visitPatientCount).ToList(), run.Users,
                progress.AddTask("book today's sessions", maxValue: visitPatientCount), cancellationToken);

            var morning = progress.AddTask("morning", maxValue: run.Duration.TotalSeconds);
            var morningStart = DateTimeOffset.UtcNow;
            foreach (var (patient, hold) in booked)
                planned.Add(VisitDayPatient.Plan(patient, hold, department.SlotStart(hold.SlotNo), morningStart, run.Duration, Random.Shared));
            var coming = planned.Where(p => p.ArrivesAfter is not null).GroupBy(p => p.Booking.SessionId).ToDictionary(g => g.Key, g => g.Count());
            var arrivals = new MorningProgress(coming);
            using var boards = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            using var doctorsDeadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            doctorsDeadline.CancelAfter(run.Duration + day.Grace);
            using var morningDeadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            morningDeadline.CancelAfter(run.Duration);
            var watching = department.SessionIds.SelectMany(s => Enumerable.Range(0, day.BoardsPerSession).Select(_ => watcher.WatchAsync(s, boards.Token))).ToList();
            morningStarted = Stopwatch.GetTimestamp();
            desks.AddRange(department.SessionIds.Select(s => new DoctorDesk(client, s, department.DoctorTokens[s], arrivals, new Random())));
            var doctors = Task.WhenAll(desks.Select(d => Task.Run(() => d.RunAsync(doctorsDeadline.Token), CancellationToken.None)));
            var checkIns = Task.WhenAll(planned.Select(p => Task.Run(() => ArriveAsync(client, department.ClerkToken, p, arrivals, checkedIn, doctorsDeadline.Token), CancellationToken.None)));
            var background = RunBackgroundAsync(client, http, department.DepartmentId, patients.Skip(visitPatientCount).ToList(), day.BackgroundUsers, held, backgroundSessions,
                morning, morningDeadline.Token, cancellationToken);
            await Task.WhenAll(checkIns, doctors, background);
            await Task.Delay(2 * QueueStreamApi.PushInterval, cancellationToken); // the last calls' board events
            await boards.CancelAsync();
            await Task.WhenAll(watching);
            morning.Value = morning.MaxValue;
            ceiling = await CeilingProbe.MeasureAsync(client, log, run.Users, run.CeilingDuration, cancellationToken);
        });

        ConsistencyReport? consistency = null;
        VisitDayReport? visits = null;
        if (run.ConnectionString is { } connectionString)
        {
            var sessions = department.SessionIds.Concat(backgroundSessions.Keys).ToList();
            var acknowledged = planned.Select(p => p.Booking).Concat(held.Values).ToList();
            consistency = await ConsistencyChecker.For(run.Provider, connectionString).CheckAsync(sessions, acknowledged, cancellationToken);
            var queues = await QueueSnapshot.ReadAsync(http, admin.StaffToken, department.SessionIds, cancellationToken);
            visits = await VisitDayChecker.For(run.Provider, connectionString).CheckAsync(department.SessionIds, [.. planned], [.. checkedIn],
                [.. desks.SelectMany(d => d.Completed)], queues, cancellationToken);
        }

        var samples = log.Of([.. MorningKinds, .. BackgroundKinds]);
        var totals = RunTotals.From(samples, morningStarted);
        var byKind = KindFigures.Of(samples).Append(BoardLag(desks, watcher)).ToList();
        return new RunSummary(Name, run.Backend, startedAt, run.Users, totals.Requests, log.Of(WellBehavedBooking.HoldKind).Count(s => s.Outcome == Outcome.Success),
            log.Of(GatewayPayment.SettledKind).Count(s => s.Outcome == Outcome.Success), totals.SoldOut, totals.NotReleased, totals.Overloaded, totals.Rejected,
            totals.Errors, totals.Seconds, totals.Throughput, totals.Latency, null, ceiling, consistency, byKind, VisitDay: visits);
    }

    /// <summary>Each session gets its share of the patients; a booking counts once it is paid, as only a paid booking can check in.</summary>
    private static async Task<List<(LoadPatient Patient, AcknowledgedHold Hold)>> BookAsync(HospitalClient client, VisitDayDepartment department,
        IReadOnlyList<LoadPatient> patients, int users, ProgressTask progress, CancellationToken cancellationToken)
    {
        var booked = new ConcurrentBag<(LoadPatient, AcknowledgedHold)>();
        var jobs = patients.Select((p, i) => (Patient: p, Session: department.SessionIds[i % department.SessionIds.Count])).ToList();
        await VirtualUsers.RunAsync(jobs, users, async (job, ct) =>
        {
            if (await WellBehavedBooking.BookAsync(client, job.Patient, job.Session, pay: true, ct, SetUpPrefix) is { Paid: true } hold) booked.Add((job.Patient, hold));
            progress.Increment(1);
        }, cancellationToken);
        if (booked.Count < jobs.Count) throw new InvalidOperationException($"Only {booked.Count} of {jobs.Count} visit-day bookings were held and paid.");
        return [.. booked];
    }

    /// <summary>A patient comes at their time, opens the app for the visit code, and shows it at the window.</summary>
    private static async Task ArriveAsync(HospitalClient client, string clerkToken, VisitDayPatient visit, MorningProgress arrivals, ConcurrentBag<string> checkedIn,
        CancellationToken cancellationToken)
    {
        if (visit.ArrivesAfter is not { } after || !await VirtualUsers.DelayAsync(after, cancellationToken)) return;
        var code = await client.GetAsync(VisitCodeKind, $"/api/patients/{visit.Patient.Id}/visit-code", visit.Patient.AccessToken, cancellationToken);
        var answer = code?.String("visitCode") is { } visitCode
            ? await client.PostAsync(CheckInKind, "/api/check-in", new { appointmentId = visit.Booking.AppointmentId, visitCode }, null, clerkToken, cancellationToken)
            : null;
        if (answer is { Status: 200 }) checkedIn.Add(visit.Booking.AppointmentId);
        arrivals.Settle(visit.Booking.SessionId, answer is { Status: 200 });
    }

    /// <summary>The normal day's mix on the other departments' sessions, at a person's pace, for the morning's length.</summary>
    private static async Task RunBackgroundAsync(HospitalClient client, HttpClient http, int visitDepartmentId, IReadOnlyList<LoadPatient> patients, int users,
        ConcurrentDictionary<string, AcknowledgedHold> held, ConcurrentDictionary<string, bool> sessions, ProgressTask morning, CancellationToken morningDeadline,
        CancellationToken cancellationToken)
    {
        var ticker = Task.Run(async () => { while (await VirtualUsers.DelayAsync(TimeSpan.FromSeconds(1), morningDeadline)) morning.Increment(1); }, CancellationToken.None);
        if (patients.Count == 0 || users == 0)
        {
            await ticker;
            return;
        }
        var doctors = (await http.GetFromJsonAsync<JsonElement>("/api/doctors", cancellationToken)).EnumerateArray()
            .Where(d => d.GetProperty("departmentId").GetInt32() != visitDepartmentId).Select(d => d.GetProperty("id").GetInt32()).ToArray();
        var bookedToday = new ConcurrentDictionary<string, int>();
        await VirtualUsers.RepeatAsync(users, async (_, ct) =>
            await new PatientVisit(client, Random.Shared, held, sessions, bookedToday).RunAsync(patients[Random.Shared.Next(patients.Count)], doctors, ct)
            && await VirtualUsers.DelayAsync(ThinkTime(), ct), morningDeadline);
        await ticker;
    }

    /// <summary>A person's pause between two visits to the app (a normal day's closed loop would hammer the calendars instead).</summary>
    private static TimeSpan ThinkTime() => TimeSpan.FromMilliseconds(500 + Random.Shared.Next(1500));

    /// <summary>
    /// The lag from each call's acknowledgement to the first board event showing it (0 when the event came first: the queue
    /// publishes before it answers); calls no board ever showed are counted apart.
    /// </summary>
    private static KindFigures BoardLag(IReadOnlyList<DoctorDesk> desks, BoardWatcher watcher)
    {
        var calls = desks.SelectMany(d => d.Calls).ToList();
        var lags = new List<RequestSample>();
        foreach (var (sessionId, slotNo, acknowledgedAt) in calls)
        {
            if (watcher.FirstShown(sessionId, slotNo) is { } shownAt)
                lags.Add(new RequestSample(BoardLagKind, acknowledgedAt, Math.Max(0, shownAt - acknowledgedAt), Outcome.Success, null, 200));
        }
        var unseen = calls.Count - lags.Count;
        return new KindFigures(BoardLagKind, calls.Count, lags.Count, LatencySummary.From(lags),
            unseen > 0 ? new Dictionary<string, int> { ["no board event"] = unseen } : new Dictionary<string, int>());
    }
}
