using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Hospital.Grains.Abstractions.Booking;
using Hospital.TestSupport.Databases;
using Hospital.TestSupport.Hospital;
using Hospital.TestSupport.MariaDb;
using Xunit.Abstractions;

namespace Hospital.Api.Tests.Hospital;

/// <summary>
/// The API over a MariaDB server that the test stalls (SIGSTOP) and resumes: callers get 503 storage.unavailable with
/// Retry-After within seconds, and a request retried with its idempotency key afterwards finds what committed.
/// </summary>
[RequiresMariaDb]
public sealed class DatabaseOutageContract(FreezableMariaDbDatabaseFixture fixture, ITestOutputHelper output)
    : HospitalApiContractBase(fixture), IClassFixture<FreezableMariaDbDatabaseFixture>
{
    /// <summary>
    /// Generous: a failed write is answered after the pool's reload, so the first 503 waits for two command timeouts of
    /// 2 s (4.0 s measured); before them the batch writer waited for as long as the server was stopped.
    /// </summary>
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(8);

    [MariaDbFact]
    public async Task Hold_WithTheDatabaseStalled_Answers503StorageUnavailableWithinSeconds_AndItsRetryAfterwardsFindsOneHold()
    {
        var session = TestCatalog.Session(3);
        var patient = await ActivePatientAsync(1);
        (await Client.GetAsync($"/api/sessions/{session}")).EnsureSuccessStatusCode(); // the pool is in memory

        var (refused, after) = await WhileStalledAsync(() => PostAppointmentAsync(Client, session, patient, "outage-hold"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal("storage.unavailable", (await ProblemResponse.ReadAsync(refused)).Code());
        Assert.NotEmpty(refused.Headers.GetValues("Retry-After"));
        output.WriteLine($"First 503 after {after.TotalSeconds:0.00} s.");
        Assert.True(after < Prompt, $"The first 503 came after {after.TotalSeconds:0.0} s.");
        var held = await RetryUntilAnsweredAsync(() => PostAppointmentAsync(Client, session, patient, "outage-hold"));
        Assert.Equal(HttpStatusCode.Created, held.StatusCode);
        var again = await PostAppointmentAsync(Client, session, patient, "outage-hold");
        var id = (await held.Content.ReadFromJsonAsync<AppointmentView>(Json))!.Id;
        Assert.Equal(id, (await again.Content.ReadFromJsonAsync<AppointmentView>(Json))!.Id);
        Assert.Equal(id, Assert.Single(await AppointmentRowsAsync(session)).Id);
    }

    [MariaDbFact]
    public async Task HoldAndPay_WithTheDatabaseKilled_Answer503StorageUnavailable_AndTheirRetriesAfterItsRestartFindOneBookedAppointment()
    {
        var session = TestCatalog.Session(5);
        var patient = await ActivePatientAsync(3);
        (await Client.GetAsync($"/api/sessions/{session}")).EnsureSuccessStatusCode();
        var held = await HoldAsync(session, patient, "killed-hold");

        await fixture.Server.KillAsync();
        try
        {
            var clock = Stopwatch.StartNew();
            var payment = await Client.PostAsync($"/api/appointments/{held.Id}/pay", null);
            output.WriteLine($"Pay with the database killed: {(int)payment.StatusCode} after {clock.Elapsed.TotalSeconds:0.00} s.");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, payment.StatusCode);
            Assert.Equal("storage.unavailable", (await ProblemResponse.ReadAsync(payment)).Code());
            Assert.True(clock.Elapsed < Prompt, $"The pay's 503 came after {clock.Elapsed.TotalSeconds:0.0} s.");
        }
        finally
        {
            await fixture.Server.RestartAsync();
        }

        var paid = await RetryUntilAnsweredAsync(() => Client.PostAsync($"/api/appointments/{held.Id}/pay", null));
        Assert.Equal(HttpStatusCode.OK, paid.StatusCode);
        var rehold = await RetryUntilAnsweredAsync(() => PostAppointmentAsync(Client, session, patient, "killed-hold"));
        Assert.Equal(held.Id, (await rehold.Content.ReadFromJsonAsync<AppointmentView>(Json))!.Id);
        Assert.Equal((held.Id, "Booked"), Assert.Single(await AppointmentRowsAsync(session)) is var row ? (row.Id, row.Status) : default);
        Assert.Equal(1, await ScalarAsync("SELECT COUNT(*) FROM payments p JOIN appointments a ON a.id = p.appointment_id WHERE a.session_id = @session", new { session }));
    }

    [MariaDbFact]
    public async Task GetSession_AfterAWriteFailedWithTheDatabaseStalled_AnswersFromThePoolInMemory()
    {
        var session = TestCatalog.Session(4);
        var patient = await ActivePatientAsync(2);
        (await Client.GetAsync($"/api/sessions/{session}")).EnsureSuccessStatusCode();

        var (read, after) = await WhileStalledAsync(async () =>
        {
            var refused = await PostAppointmentAsync(Client, session, patient, "outage-read");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            return await Client.GetAsync($"/api/sessions/{session}");
        });

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.True(after < Prompt, $"The write's 503 and the read took {after.TotalSeconds:0.0} s.");
    }

    [MariaDbFact]
    public async Task Holds_AfterAFailedWriteAndAFailedReload_AreStorageUnavailableNotConflicts_AndTheSessionIsStillRead()
    {
        var session = TestCatalog.Session(5);
        var first = await ActivePatientAsync(4);
        var second = await ActivePatientAsync(5);
        (await Client.GetAsync($"/api/sessions/{session}")).EnsureSuccessStatusCode();

        var (answers, _) = await WhileStalledAsync(async () =>
        {
            var failedWrite = await PostAppointmentAsync(Client, session, first, "outage-first");
            var nextHold = await PostAppointmentAsync(Client, session, second, "outage-second");
            return (failedWrite, nextHold, read: await Client.GetAsync($"/api/sessions/{session}"));
        });

        Assert.Equal(HttpStatusCode.ServiceUnavailable, answers.failedWrite.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, answers.nextHold.StatusCode);
        Assert.Equal("storage.unavailable", (await ProblemResponse.ReadAsync(answers.nextHold)).Code());
        Assert.Equal(HttpStatusCode.OK, answers.read.StatusCode);
        // Once the database answers again, the same pool books without a restart.
        Assert.Equal(HttpStatusCode.Created, (await PostAppointmentAsync(Client, session, second, "outage-second")).StatusCode);
    }

    [MariaDbFact]
    public async Task Reads_WhileTheDatabaseStaysStalled_AreRefusedAtOnceOnceTheCircuitOpens_AndServedAgainAfterAProbe()
    {
        (await Client.GetAsync($"/api/sessions/{TestCatalog.Session(0)}")).EnsureSuccessStatusCode(); // the app is up
        // Pools not yet in memory: each must be loaded from the database, until the circuit stops trying.
        var sessions = Enumerable.Range(1, 7).Select(day => TestCatalog.Session(day, TestCatalog.SharedDoctor)).ToList();

        var (answers, _) = await WhileStalledAsync(async () =>
        {
            var timed = new List<(HttpResponseMessage Response, TimeSpan Elapsed)>();
            foreach (var session in sessions)
            {
                var clock = Stopwatch.StartNew();
                var response = await Client.GetAsync($"/api/sessions/{session}");
                timed.Add((response, clock.Elapsed));
                if (clock.Elapsed < TimeSpan.FromSeconds(1)) break;
            }
            return timed;
        });

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.ServiceUnavailable, a.Response.StatusCode));
        output.WriteLine(string.Join(", ", answers.Select(a => $"{a.Elapsed.TotalSeconds:0.00} s")));
        var (refused, after) = answers[^1];
        Assert.True(after < TimeSpan.FromSeconds(1), $"No read was refused at once: {answers.Count} took {after.TotalSeconds:0.0} s each.");
        Assert.Equal("storage.unavailable", (await ProblemResponse.ReadAsync(refused)).Code());
        Assert.Equal("3", refused.Headers.GetValues("Retry-After").Single());
        Clock.Advance(TimeSpan.FromSeconds(3)); // the break is over: the next read probes the database, which answers again
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync($"/api/sessions/{sessions[^1]}")).StatusCode);
    }

    /// <summary>
    /// A patient whose grain is in memory, having held a slot on another day: the stalled write the test makes is then the
    /// slot pool's, not the patient's activation.
    /// </summary>
    private async Task<string> ActivePatientAsync(int index)
    {
        var patient = await RegisterPatientAsync(index);
        await HoldAsync(TestCatalog.Session(1, TestCatalog.SharedDoctor), patient);
        return patient;
    }

    /// <summary>Runs <paramref name="call"/> with the server stalled, resuming it whatever happens; returns the answer and how long it took.</summary>
    private async Task<(T Answer, TimeSpan Elapsed)> WhileStalledAsync<T>(Func<Task<T>> call)
    {
        fixture.Server.Freeze();
        try
        {
            var clock = Stopwatch.StartNew();
            var answer = await call();
            return (answer, clock.Elapsed);
        }
        finally
        {
            fixture.Server.Thaw();
        }
    }

    /// <summary>
    /// Retries while the answer is 503, as a client honouring Retry-After would; the app's clock is a manual one, so each
    /// retry moves it past the circuit breaker's break, letting it probe the database again.
    /// </summary>
    private async Task<HttpResponseMessage> RetryUntilAnsweredAsync(Func<Task<HttpResponseMessage>> call) =>
        await Eventually.ReturnsAsync(async () =>
        {
            Clock.Advance(TimeSpan.FromSeconds(5));
            return await call();
        }, response => response.StatusCode != HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(60));
}
