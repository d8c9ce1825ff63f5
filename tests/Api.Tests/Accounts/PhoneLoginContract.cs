using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hospital.Api.Apis.Contracts;
using Hospital.TestSupport.Contracts;
using Hospital.TestSupport.Databases;
using Hospital.TestSupport.MariaDb;

namespace Hospital.Api.Tests.Accounts;

/// <summary>Patient login by SMS code: the code's lifetime, tries and per-phone limits, decided one request at a time per phone.</summary>
public abstract class PhoneLoginContract(TestDatabaseFixture fixture) : AccountsContractBase(fixture)
{
    [ContractFact]
    public async Task Login_WithTheCodeFromTheOutbox_CreatesOneAccountPerPhone()
    {
        var client = StartApp(LooseIpLimits).CreateClient();

        var first = await LoginAsync(client, "13900001111");
        Clock.Advance(TimeSpan.FromMinutes(2));
        var second = await LoginAsync(client, "13900001111");
        var me = await (await SendAsync(client, HttpMethod.Get, "/api/me", first.AccessToken)).Content.ReadFromJsonAsync<MeResponse>(Json);
        var again = await (await SendAsync(client, HttpMethod.Get, "/api/me", second.AccessToken)).Content.ReadFromJsonAsync<MeResponse>(Json);

        Assert.Equal(("patient", "139****1111"), (me!.Kind, me.PhoneMasked));
        Assert.Equal(me.Id, again!.Id);
        Assert.Equal(1, await ScalarAsync("SELECT COUNT(*) FROM patient_accounts"));
        Assert.Equal(0, await ScalarAsync("SELECT COUNT(*) FROM patient_accounts WHERE phone_protected LIKE '%13900001111%' OR phone_hash = '13900001111'"));
    }

    [ContractFact]
    public async Task RequestCode_TwentyTimesAtOnceForOnePhone_SendsExactlyOneCode()
    {
        var client = StartApp(LooseIpLimits).CreateClient();

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => RequestCodeAsync(client, "13900002222")));

        Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.Accepted));
        Assert.Equal(19, answers.Count(a => a.StatusCode == HttpStatusCode.TooManyRequests));
        Assert.Equal(1, (await OutboxCodesAsync("13900002222")).Count);
    }

    [ContractFact]
    public async Task RequestCode_OnceAMinute_TenADay_ThenTomorrow()
    {
        var client = StartApp(LooseIpLimits).CreateClient();
        Assert.Equal(HttpStatusCode.Accepted, (await RequestCodeAsync(client, "13900003333")).StatusCode);
        var tooSoon = await RequestCodeAsync(client, "13900003333");
        for (var i = 1; i < 10; i++)
        {
            Clock.Advance(TimeSpan.FromSeconds(61));
            Assert.Equal(HttpStatusCode.Accepted, (await RequestCodeAsync(client, "13900003333")).StatusCode);
        }
        Clock.Advance(TimeSpan.FromSeconds(61));
        var eleventh = await RequestCodeAsync(client, "13900003333");
        Clock.Advance(TimeSpan.FromDays(1));
        var tomorrow = await RequestCodeAsync(client, "13900003333");

        Assert.Equal((HttpStatusCode.TooManyRequests, "auth.sms_too_soon"), (tooSoon.StatusCode, (await ProblemResponse.ReadAsync(tooSoon)).Code()));
        Assert.InRange(int.Parse(tooSoon.Headers.GetValues("Retry-After").Single()), 1, 60);
        Assert.Equal((HttpStatusCode.TooManyRequests, "auth.sms_daily_limit"), (eleventh.StatusCode, (await ProblemResponse.ReadAsync(eleventh)).Code()));
        Assert.True(int.Parse(eleventh.Headers.GetValues("Retry-After").Single()) > 60);
        Assert.Equal(HttpStatusCode.Accepted, tomorrow.StatusCode);
        Assert.Equal(11, (await OutboxCodesAsync("13900003333")).Count);
    }

    [ContractFact]
    public async Task Login_FiveMinutesAfterTheCode_IsRefused()
    {
        var client = StartApp(LooseIpLimits).CreateClient();
        await RequestCodeAsync(client, "13900004444");
        var code = (await OutboxCodesAsync("13900004444")).Latest!;

        Clock.Advance(TimeSpan.FromMinutes(5));
        var late = await PostLoginAsync(client, "13900004444", code);

        Assert.Equal((HttpStatusCode.Unauthorized, "auth.code_invalid"), (late.StatusCode, (await ProblemResponse.ReadAsync(late)).Code()));
    }

    [ContractFact]
    public async Task Login_AfterFiveWrongTries_RefusesEvenTheRightCode()
    {
        var client = StartApp(LooseIpLimits).CreateClient();
        await RequestCodeAsync(client, "13900005555");
        var code = (await OutboxCodesAsync("13900005555")).Latest!;
        var wrong = code == "000000" ? "000001" : "000000";

        var triesLeft = new List<int>();
        for (var i = 0; i < 5; i++)
            triesLeft.Add((await ProblemResponse.ReadAsync(await PostLoginAsync(client, "13900005555", wrong))).GetProperty("triesLeft").GetInt32());
        var right = await PostLoginAsync(client, "13900005555", code);

        Assert.Equal([4, 3, 2, 1, 0], triesLeft);
        Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
    }

    [ContractFact]
    public async Task Login_TheSameCodeTwice_WorksOnce()
    {
        var client = StartApp(LooseIpLimits).CreateClient();
        await LoginAsync(client, "13900006666");

        var replay = await PostLoginAsync(client, "13900006666", (await OutboxCodesAsync("13900006666")).Latest!);

        Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);
    }

    [ContractFact]
    public async Task RequestCode_PastThePerIpLimit_Answers429WithRetryAfter()
    {
        var client = StartApp(new Dictionary<string, string?> { ["Auth:RateLimits:SmsCodesPerIp"] = "2" }).CreateClient();

        var answers = new List<HttpResponseMessage>();
        foreach (var phone in new[] { "13700000001", "13700000002", "13700000003" }) answers.Add(await RequestCodeAsync(client, phone));

        Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.TooManyRequests], answers.Select(a => a.StatusCode));
        Assert.Equal("request.rate_limited", (await ProblemResponse.ReadAsync(answers[2])).Code());
        Assert.True(answers[2].Headers.Contains("Retry-After"));
        Assert.Null((await OutboxCodesAsync("13700000003")).Latest);
    }

    [ContractFact]
    public async Task RequestCode_ForANumberThatIsNotAMainlandMobile_IsRefusedNamingThePhone()
    {
        var answer = await RequestCodeAsync(StartApp().CreateClient(), "12800138000");

        var problem = await ProblemResponse.ReadAsync(answer);
        Assert.True(problem.GetProperty("errors").TryGetProperty("phone", out JsonElement _));
    }
}

public sealed class SqlitePhoneLoginContract(SqliteDatabaseFixture fixture) : PhoneLoginContract(fixture), IClassFixture<SqliteDatabaseFixture>;

[RequiresMariaDb]
public sealed class MariaDbPhoneLoginContract(MariaDbDatabaseFixture fixture) : PhoneLoginContract(fixture), IClassFixture<MariaDbDatabaseFixture>;
