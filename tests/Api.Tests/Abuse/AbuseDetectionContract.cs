using System.Net.Http.Json;
using System.Text.Json;
using Hospital.Api.Tests.Hospital;
using Hospital.Grains.Abstractions.Booking;
using Hospital.Silo.Hosting;
using Hospital.TestSupport.Contracts;
using Hospital.TestSupport.Databases;
using Hospital.TestSupport.Hospital;
using Hospital.TestSupport.MariaDb;
using Microsoft.Extensions.DependencyInjection;

namespace Hospital.Api.Tests.Abuse;

/// <summary>
/// Each kind of detection flags the account once per window with masked evidence, and admins list the flags: many accounts
/// from one address or device, patients taken off again and again, holds left to lapse.
/// </summary>
public abstract class AbuseDetectionContract(TestDatabaseFixture fixture) : AbuseContractBase(fixture)
{
    private static readonly Dictionary<string, string?> TwoAccountsPerSource = new() { ["Abuse:Detection:AccountsPerSource"] = "2" };

    [ContractFact]
    public async Task Book_FromOneDeviceByMoreAccountsThanAllowed_FlagsEveryAccountOnce()
    {
        var app = StartAppWithPeers(TwoAccountsPerSource);
        var client = app.CreateClient();
        var patients = await RegisterPatientsAsync(app, 4);
        var accounts = new List<string>();
        foreach (var patient in patients) accounts.Add(await AccountIdAsync(client, TokenOf(patient)));

        // Each from its own address, so only the device is shared.
        async Task BookAsync(int i, int day) => await client.SendAsync(Booking(TokenOf(patients[i]), TestCatalog.Session(day), patients[i],
            $"k-{i}-{day}", $"10.0.0.{i + 1}", ("X-Device-Id", "farm-device-000123")));
        await BookAsync(0, 1);
        await BookAsync(1, 1);
        Assert.Empty(await FlagsAsync());
        await BookAsync(2, 1);
        var three = await FlagsAsync();
        await BookAsync(0, 2);
        await BookAsync(3, 1);

        Assert.Equal(accounts.Take(3).Select(a => $"{a} SharedSource").Order(), three);
        Assert.Equal(accounts.Select(a => $"{a} SharedSource").Order(), await FlagsAsync());
        Assert.All(await EvidenceAsync(), e => Assert.Contains("from device farm****", e));
        Assert.All(await EvidenceAsync(), e => Assert.DoesNotContain("000123", e));
    }

    [ContractFact]
    public async Task Book_FromOneForwardedAddressByMoreAccountsThanAllowed_FlagsThemWithTheAddressMasked()
    {
        var app = StartAppWithPeers(TwoAccountsPerSource);
        var client = app.CreateClient();
        var patients = await RegisterPatientsAsync(app, 3);

        foreach (var patient in patients)
            await client.SendAsync(Booking(TokenOf(patient), TestCatalog.Session(1), patient, $"k-{patient}", "127.0.0.1", ("X-Forwarded-For", "203.0.113.77")));

        var evidence = await EvidenceAsync();
        Assert.Equal(3, evidence.Count);
        Assert.All(evidence, e => Assert.StartsWith("3 accounts booked from IP 203.0.113.* within 10 minutes", e));
    }

    [ContractFact]
    public async Task RemovePatient_MoreOftenThanAllowed_FlagsTheAccountOnceInTheWindow()
    {
        var app = StartApp(new Dictionary<string, string?> { ["Abuse:Detection:RemovalsPerWindow"] = "2" });
        var client = app.CreateClient();
        var (accountId, token) = await SignInAccountAsync(app, TestPhone(7));

        var flagsAfterEachRemoval = new List<int>();
        for (var i = 1; i <= 4; i++)
        {
            var added = await client.SendAsync(WithToken(HttpMethod.Post, "/api/patients", token,
                new { name = "李四", idNumber = TestIdNumbers.Number(300 + i), phone = TestPhone(7), relationship = "Other" }));
            var id = (await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
            (await client.SendAsync(WithToken(HttpMethod.Delete, $"/api/patients/{id}", token))).EnsureSuccessStatusCode();
            flagsAfterEachRemoval.Add((await FlagsAsync()).Count);
        }

        Assert.Equal([0, 0, 1, 1], flagsAfterEachRemoval);
        Assert.Equal([$"{accountId} FamilyChurn"], await FlagsAsync());
        Assert.StartsWith("3 patients taken off the account within 30 days (more than 2)", Assert.Single(await EvidenceAsync()));
    }

    [ContractFact]
    public async Task Sweep_AfterThreeHoldsGivenUp_FlagsThatAccountOnly_AndOnlyOnce()
    {
        var app = StartApp();
        var client = app.CreateClient();
        var patients = await RegisterPatientsAsync(app, 2);
        for (var day = 1; day <= 3; day++)
        {
            foreach (var (patient, lapses) in patients.Zip([3, 2]))
            {
                if (day > lapses) continue;
                var held = await client.SendAsync(Booking(TokenOf(patient), TestCatalog.Session(day), patient, $"k-{day}"));
                var id = (await held.Content.ReadFromJsonAsync<AppointmentView>(Json))!.Id;
                (await client.SendAsync(WithToken(HttpMethod.Post, $"/api/appointments/{id}/cancel", TokenOf(patient)))).EnsureSuccessStatusCode();
            }
        }
        var sweep = app.Services.GetRequiredService<LapsedHoldSweep>();

        var raised = await sweep.SweepAsync();
        var raisedAgain = await sweep.SweepAsync();

        Assert.Equal((1, 0), (raised, raisedAgain));
        Assert.Equal([$"{await AccountIdAsync(client, TokenOf(patients[0]))} LapsedHolds"], await FlagsAsync());
        Assert.StartsWith("3 holds expired unpaid or given up within 7 days", Assert.Single(await EvidenceAsync()));
    }

    [ContractFact]
    public async Task ListFlags_PagesNewestFirst_WithACursor()
    {
        var app = StartAppWithPeers(TwoAccountsPerSource);
        var client = app.CreateClient();
        var patients = await RegisterPatientsAsync(app, 3);
        foreach (var patient in patients)
            await client.SendAsync(Booking(TokenOf(patient), TestCatalog.Session(1), patient, $"k-{patient}", "10.1.1.1"));

        var firstPage = await PageAsync(client, "pageSize=2");
        var secondPage = await PageAsync(client, $"pageSize=2&cursor={firstPage.GetProperty("nextCursor").GetString()}");
        var ids = firstPage.GetProperty("items").EnumerateArray().Concat(secondPage.GetProperty("items").EnumerateArray())
            .Select(f => f.GetProperty("id").GetInt64()).ToList();

        Assert.Equal(3, ids.Count);
        Assert.Equal(ids.OrderDescending(), ids);
        Assert.Equal(JsonValueKind.Null, secondPage.GetProperty("nextCursor").ValueKind);
        Assert.Equal("400 request.invalid", await AnswerAsync(await client.SendAsync(Admin(HttpMethod.Get, "/api/admin/flags?pageSize=101"))));
        Assert.Equal("400 request.invalid", await AnswerAsync(await client.SendAsync(Admin(HttpMethod.Get, "/api/admin/flags?cursor=abc"))));
    }

    private async Task<JsonElement> PageAsync(HttpClient client, string query) =>
        await (await client.SendAsync(Admin(HttpMethod.Get, $"/api/admin/flags?{query}"))).Content.ReadFromJsonAsync<JsonElement>();
}

public sealed class SqliteAbuseDetectionContract(SqliteDatabaseFixture fixture) : AbuseDetectionContract(fixture), IClassFixture<SqliteDatabaseFixture>;

[RequiresMariaDb]
public sealed class MariaDbAbuseDetectionContract(MariaDbDatabaseFixture fixture) : AbuseDetectionContract(fixture), IClassFixture<MariaDbDatabaseFixture>;
