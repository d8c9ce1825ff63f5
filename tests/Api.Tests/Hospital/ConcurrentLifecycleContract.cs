using System.Net;
using System.Net.Http.Json;
using Hospital.Grains.Abstractions.Booking;
using Hospital.TestSupport.Contracts;
using Hospital.TestSupport.Databases;
using Hospital.TestSupport.Hospital;
using Hospital.TestSupport.MariaDb;

namespace Hospital.Api.Tests.Hospital;

/// <summary>Conflicting or repeated lifecycle calls arriving at once: one outcome wins and the rows agree with it.</summary>
public abstract class ConcurrentLifecycleContract(TestDatabaseFixture fixture) : HospitalApiContractBase(fixture)
{
    [ContractFact]
    public async Task PayAndCancel_OfOneHoldAtOnce_EndInExactlyOneOutcomeThatTheRowsAgreeWith()
    {
        var held = await HoldAsync(TestCatalog.Session(1), await RegisterPatientAsync());
        var client = Client;

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() =>
            client.PostAsync($"/api/appointments/{held.Id}/{(i % 2 == 0 ? "pay" : "cancel")}", null))));

        Assert.All(answers, a => Assert.Contains(a.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }));
        var final = (await Client.GetFromJsonAsync<AppointmentView>($"/api/appointments/{held.Id}", Json))!;
        Assert.Contains(final.Status, new[] { AppointmentStatus.Booked, AppointmentStatus.Abandoned, AppointmentStatus.Cancelled });
        var row = Assert.Single(await AppointmentRowsAsync(TestCatalog.Session(1)));
        Assert.Equal(final.Status.ToString(), row.Status);
        // Paid then cancelled is also a valid race outcome; then the payment has its refund.
        (long Payments, long Refunds) expected = final.Status switch
        {
            AppointmentStatus.Booked => (1, 0),
            AppointmentStatus.Abandoned => (0, 0),
            _ => (1, 1),
        };
        Assert.Equal(expected, (await ScalarAsync("SELECT COUNT(*) FROM payments"), await ScalarAsync("SELECT COUNT(*) FROM refunds")));
    }

    [ContractFact]
    public async Task Reschedule_TenAtOnceWithTheSameKey_MovesTheBookingOnce()
    {
        var booked = await BookAsync(TestCatalog.Session(1), await RegisterPatientAsync());
        var client = Client;

        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => client.SendAsync(new HttpRequestMessage(
            HttpMethod.Post, $"/api/appointments/{booked.Id}/reschedule")
        {
            Content = JsonContent.Create(new { sessionId = TestCatalog.Session(2) }),
            Headers = { { "Idempotency-Key", "move-once" } },
        }))));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        var moved = await Task.WhenAll(answers.Select(a => a.Content.ReadFromJsonAsync<AppointmentView>(Json)));
        Assert.Single(moved.Select(m => m!.Id).Distinct());
        Assert.Single(await AppointmentRowsAsync(TestCatalog.Session(2)));
        Assert.Equal([(booked.Id, "Rescheduled")], (await AppointmentRowsAsync(TestCatalog.Session(1))).Select(r => (r.Id, r.Status)));
    }
}

public sealed class SqliteConcurrentLifecycleContract(SqliteDatabaseFixture fixture) : ConcurrentLifecycleContract(fixture), IClassFixture<SqliteDatabaseFixture>;

[RequiresMariaDb]
public sealed class MariaDbConcurrentLifecycleContract(MariaDbDatabaseFixture fixture) : ConcurrentLifecycleContract(fixture), IClassFixture<MariaDbDatabaseFixture>;
