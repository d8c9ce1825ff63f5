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
    /// <summary>
    /// Ten pays and ten cancels of one hold at once, alone or after a pay or a cancel that has already been answered, so
    /// that each of the three outcomes (booked, abandoned, paid then cancelled) is reached. Every 200 must name a status
    /// on the path to the final one, and the final one must have been answered to someone.
    /// </summary>
    [ContractTheory]
    [InlineData(null, null)]
    [InlineData("pay", AppointmentStatus.Cancelled)]
    [InlineData("cancel", AppointmentStatus.Abandoned)]
    public async Task PayAndCancel_OfOneHoldAtOnce_EndInOneOutcomeThatEveryAnswerAndRowAgreeWith(string? first, AppointmentStatus? expected)
    {
        var held = await HoldAsync(TestCatalog.Session(1), await RegisterPatientAsync());
        var client = Client;
        if (first is not null) (await client.PostAsync($"/api/appointments/{held.Id}/{first}", null)).EnsureSuccessStatusCode();

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() =>
            client.PostAsync($"/api/appointments/{held.Id}/{(i % 2 == 0 ? "pay" : "cancel")}", null))));

        Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }));
        var answered = await Task.WhenAll(responses.Where(r => r.StatusCode == HttpStatusCode.OK)
            .Select(async r => (await r.Content.ReadFromJsonAsync<AppointmentView>(Json))!.Status));
        var final = (await Client.GetFromJsonAsync<AppointmentView>($"/api/appointments/{held.Id}", Json))!.Status;
        if (expected is not null) Assert.Equal(expected, final);
        AppointmentStatus[] path = final switch
        {
            AppointmentStatus.Booked => [AppointmentStatus.Booked],
            AppointmentStatus.Abandoned => [AppointmentStatus.Abandoned],
            AppointmentStatus.Cancelled => [AppointmentStatus.Booked, AppointmentStatus.Cancelled],
            _ => throw new Xunit.Sdk.XunitException($"Unexpected final status {final}"),
        };
        Assert.All(answered, status => Assert.Contains(status, path));
        Assert.Contains(final, answered);
        var row = Assert.Single(await AppointmentRowsAsync(TestCatalog.Session(1)));
        Assert.Equal(final.ToString(), row.Status);
        (long Payments, long Refunds) rows = final switch
        {
            AppointmentStatus.Booked => (1, 0),
            AppointmentStatus.Abandoned => (0, 0),
            _ => (1, 1),
        };
        Assert.Equal(rows, (await ScalarAsync("SELECT COUNT(*) FROM payments"), await ScalarAsync("SELECT COUNT(*) FROM refunds")));
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
