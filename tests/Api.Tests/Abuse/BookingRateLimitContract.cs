using System.Net.Http.Json;
using Hospital.Grains.Abstractions.Booking;
using Hospital.TestSupport.Contracts;
using Hospital.TestSupport.Databases;
using Hospital.TestSupport.Hospital;
using Hospital.TestSupport.MariaDb;

namespace Hospital.Api.Tests.Abuse;

/// <summary>
/// Booking calls (holds and reschedules) are limited per account and per client address, with 429 and Retry-After; the
/// client address comes from X-Forwarded-For only when a trusted proxy (loopback by default) sent it.
/// </summary>
public abstract class BookingRateLimitContract(TestDatabaseFixture fixture) : AbuseContractBase(fixture)
{
    private const string Proxy = "127.0.0.1", Stranger = "198.51.100.20";

    [ContractFact]
    public async Task Book_PastTheAccountsLimit_Gets429WithRetryAfter_AndSoDoesAReschedule()
    {
        var app = StartAppWithPeers(Limits(perAccount: 2, perIp: 1000));
        var client = app.CreateClient();
        var patient = (await RegisterPatientsAsync(app, 1))[0];

        var first = await client.SendAsync(Booking(TokenOf(patient), TestCatalog.Session(1), patient, "k1"));
        var second = await client.SendAsync(Booking(TokenOf(patient), TestCatalog.Session(2), patient, "k2"));
        var third = await client.SendAsync(Booking(TokenOf(patient), TestCatalog.Session(3), patient, "k3"));
        var reschedule = WithToken(HttpMethod.Post, $"/api/appointments/{(await first.Content.ReadFromJsonAsync<AppointmentView>(Json))!.Id}/reschedule",
            TokenOf(patient), new { sessionId = TestCatalog.Session(4) });
        reschedule.Headers.Add("Idempotency-Key", "move-1");
        var moved = await client.SendAsync(reschedule);

        Assert.Equal(["201", "201", "429 request.rate_limited", "429 request.rate_limited"],
            [await AnswerAsync(first), await AnswerAsync(second), await AnswerAsync(third), await AnswerAsync(moved)]);
        Assert.InRange(int.Parse(third.Headers.RetryAfter!.ToString()), 1, 60);
        Assert.Equal(2, await ScalarAsync("SELECT COUNT(*) FROM appointments"));
    }

    [ContractFact]
    public async Task Book_ThroughATrustedProxy_CountsPerForwardedClientAddress()
    {
        var app = StartAppWithPeers(Limits(perAccount: 1000, perIp: 2));
        var client = app.CreateClient();
        var patients = await RegisterPatientsAsync(app, 4);

        var answers = new List<string>();
        foreach (var (patient, client_) in patients.Zip(["203.0.113.7", "203.0.113.7", "203.0.113.7", "203.0.113.8"]))
            answers.Add(await AnswerAsync(await client.SendAsync(Booking(TokenOf(patient), TestCatalog.Session(1), patient, $"k-{patient}", Proxy,
                ("X-Forwarded-For", client_)))));

        Assert.Equal(["201", "201", "429 request.rate_limited", "201"], answers);
    }

    [ContractFact]
    public async Task Book_FromAnUntrustedPeer_IgnoresItsForwardedHeaders_AndCountsThePeer()
    {
        var app = StartAppWithPeers(Limits(perAccount: 1000, perIp: 2));
        var client = app.CreateClient();
        var patients = await RegisterPatientsAsync(app, 3);

        var answers = new List<string>();
        foreach (var (patient, i) in patients.Select((p, i) => (p, i)))
            answers.Add(await AnswerAsync(await client.SendAsync(Booking(TokenOf(patient), TestCatalog.Session(1), patient, $"k-{patient}", Stranger,
                ("X-Forwarded-For", $"203.0.113.{i + 1}")))));

        Assert.Equal(["201", "201", "429 request.rate_limited"], answers);
    }

    private static Dictionary<string, string?> Limits(int perAccount, int perIp) => new()
    {
        ["Abuse:RateLimits:BookingsPerAccount"] = perAccount.ToString(),
        ["Abuse:RateLimits:BookingsPerIp"] = perIp.ToString(),
    };
}

public sealed class SqliteBookingRateLimitContract(SqliteDatabaseFixture fixture) : BookingRateLimitContract(fixture), IClassFixture<SqliteDatabaseFixture>;

[RequiresMariaDb]
public sealed class MariaDbBookingRateLimitContract(MariaDbDatabaseFixture fixture) : BookingRateLimitContract(fixture), IClassFixture<MariaDbDatabaseFixture>;
