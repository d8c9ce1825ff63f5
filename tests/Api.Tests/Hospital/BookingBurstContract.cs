using Hospital.Api.Tests.Metrics;
using System.Net;
using System.Net.Http.Json;
using Hospital.Grains.Abstractions.Booking;
using Hospital.TestSupport.Contracts;
using Hospital.TestSupport.Databases;
using Hospital.TestSupport.Hospital;
using Hospital.TestSupport.MariaDb;

namespace Hospital.Api.Tests.Hospital;

/// <summary>The release peak through HTTP: thousands of patients at once on one session, then the database is checked.</summary>
public abstract class BookingBurstContract(TestDatabaseFixture fixture) : HospitalApiContractBase(fixture)
{
    private const int Callers = 5000;

    [ContractFact]
    public async Task PostAppointment_With5000ConcurrentPatients_Answers30HoldsWithDistinctSlotsAndSoldOutToEveryoneElse()
    {
        var app = StartApp();
        var client = app.CreateClient();
        var session = TestCatalog.Session(1);
        // The pool, and the instruments of the metrics checked below, come to life before the long registration: each host's
        // exporter also listens to every other host of this test process, and in full runs instruments created that late
        // were missing from the scrape.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/sessions/{session}")).StatusCode);
        var patients = await RegisterPatientsAsync(app, Callers);

        var responses = await Task.WhenAll(patients.Select((patient, i) =>
            Task.Run(() => PostRetryingOverloadAsync(client, session, patient, $"burst-{i}"))));

        var held = new List<AppointmentView>();
        foreach (var response in responses)
        {
            if (response.StatusCode == HttpStatusCode.Created)
            {
                held.Add((await response.Content.ReadFromJsonAsync<AppointmentView>(Json))!);
                continue;
            }
            // Status and code in one message, so an unexpected answer says which problem it was.
            var refusal = $"{(int)response.StatusCode} {(await ProblemResponse.ReadAsync(response)).Code()}";
            Assert.Equal("409 slot.sold_out", refusal);
        }
        Assert.Equal(TestCatalog.Quota, held.Count);
        Assert.Equal(Enumerable.Range(1, TestCatalog.Quota), held.Select(a => a.SlotNo).Order());
        var rows = await AppointmentRowsAsync(session);
        Assert.Equal(held.Select(a => a.Id).Order(), rows.Select(r => r.Id).Order());
        Assert.All(rows, row => Assert.Equal("Held", row.Status));
        Assert.Equal(TestCatalog.Quota, rows.Select(r => r.SlotNo).Distinct().Count());
        Assert.Equal(TestCatalog.Quota, await ScalarAsync("SELECT held_count FROM sessions WHERE session_id = @session", new { session }));
        // What an operator sees of it: the node's writer counted every committed batch of the pool (each one a session
        // version). "At least", and summed: the exporter listens to every host of this test process (one series each),
        // and other tests run alongside.
        var metrics = await client.GetStringAsync("/metrics");
        var version = await ScalarAsync("SELECT version FROM sessions WHERE session_id = @session", new { session });
        Assert.True(PrometheusText.Sum(metrics, "hospital_silo_writer_batches_total") >= version);
        Assert.True(PrometheusText.Sum(metrics, "hospital_silo_writer_transaction_batches_count") >= 1);
        Assert.True(PrometheusText.Sum(metrics, "hospital_appointments_transitions_total", "status=\"Held\"") >= TestCatalog.Quota);
    }

    /// <summary>
    /// Books as a phone app does at a release: a 503 is retried with the same key after its Retry-After, a bounded number
    /// of times. Seen on MariaDB under CI load: `storage.unavailable` while 5,000 patients were activated at once.
    /// </summary>
    private async Task<HttpResponseMessage> PostRetryingOverloadAsync(HttpClient client, string session, string patient, string key)
    {
        for (var attempt = 1; ; attempt++)
        {
            var response = await PostAppointmentAsync(client, session, patient, key);
            if (response.StatusCode != HttpStatusCode.ServiceUnavailable || attempt == 10) return response;
            Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, "503 without a Retry-After delay");
            await Task.Delay(response.Headers.RetryAfter!.Delta!.Value);
        }
    }
}

public sealed class SqliteBookingBurstContract(SqliteDatabaseFixture fixture) : BookingBurstContract(fixture), IClassFixture<SqliteDatabaseFixture>;

[RequiresMariaDb]
public sealed class MariaDbBookingBurstContract(MariaDbDatabaseFixture fixture) : BookingBurstContract(fixture), IClassFixture<MariaDbDatabaseFixture>;
