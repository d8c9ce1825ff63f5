using System.Net;
using System.Net.Http.Json;
using Hospital.Api.Apis.Contracts;
using Hospital.TestSupport.Contracts;
using Hospital.TestSupport.Databases;
using Hospital.TestSupport.MariaDb;

namespace Hospital.Api.Tests.Accounts;

/// <summary>Access tokens expire; refresh tokens rotate, are one-time, and a replayed one revokes its login; logout revokes.</summary>
public abstract class TokenContract(TestDatabaseFixture fixture) : AccountsContractBase(fixture)
{
    [ContractFact]
    public async Task AccessToken_AfterFifteenMinutes_IsRefused()
    {
        // The default lifetime, which the test apps otherwise stretch over the hours their tests move the clock by.
        var client = StartApp(new Dictionary<string, string?>(LooseIpLimits) { ["Auth:AccessTokenLifetime"] = "00:15:00" }).CreateClient();
        var tokens = await LoginAsync(client, "13600001111");

        var fresh = await SendAsync(client, HttpMethod.Get, "/api/me", tokens.AccessToken);
        Clock.Advance(TimeSpan.FromMinutes(16));
        var stale = await SendAsync(client, HttpMethod.Get, "/api/me", tokens.AccessToken);

        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.Equal((HttpStatusCode.Unauthorized, "auth.unauthenticated"), (stale.StatusCode, (await ProblemResponse.ReadAsync(stale)).Code()));
    }

    [ContractFact]
    public async Task Refresh_RotatesTheToken_AndReplayingASpentOneRevokesTheWholeLogin()
    {
        var client = StartApp(LooseIpLimits).CreateClient();
        var login = await LoginAsync(client, "13600002222");

        var rotated = await RefreshAsync(client, login.RefreshToken);
        var next = (await rotated.Content.ReadFromJsonAsync<TokenResponse>(Json))!;
        var replay = await RefreshAsync(client, login.RefreshToken);
        var successor = await RefreshAsync(client, next.RefreshToken);

        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        Assert.NotEqual(login.RefreshToken, next.RefreshToken);
        Assert.Equal((HttpStatusCode.Unauthorized, "auth.refresh_invalid"), (replay.StatusCode, (await ProblemResponse.ReadAsync(replay)).Code()));
        Assert.Equal(HttpStatusCode.Unauthorized, successor.StatusCode);
        Assert.Equal(0, await ScalarAsync("SELECT COUNT(*) FROM refresh_tokens WHERE token_hash = @raw", new { raw = next.RefreshToken }));
    }

    [ContractFact]
    public async Task Refresh_TheSameTokenTenTimesAtOnce_SucceedsOnce()
    {
        var client = StartApp(LooseIpLimits).CreateClient();
        var login = await LoginAsync(client, "13600003333");

        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => RefreshAsync(client, login.RefreshToken)));

        Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.OK));
    }

    [ContractFact]
    public async Task Logout_RevokesTheRefreshToken_AndOnlyTheCallersOwn()
    {
        var client = StartApp(LooseIpLimits).CreateClient();
        var mine = await LoginAsync(client, "13600004444");
        var theirs = await LoginAsync(client, "13600005555");

        var foreign = await SendAsync(client, HttpMethod.Post, "/api/auth/logout", mine.AccessToken, new { refreshToken = theirs.RefreshToken });
        var logout = await SendAsync(client, HttpMethod.Post, "/api/auth/logout", mine.AccessToken, new { refreshToken = mine.RefreshToken });
        var afterwards = await RefreshAsync(client, mine.RefreshToken);

        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, afterwards.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await RefreshAsync(client, theirs.RefreshToken)).StatusCode);
    }

    [ContractFact]
    public async Task Me_WithoutAToken_Is401ProblemDetails()
    {
        var answer = await StartApp().CreateClient().GetAsync("/api/me");

        Assert.Equal((HttpStatusCode.Unauthorized, "auth.unauthenticated"), (answer.StatusCode, (await ProblemResponse.ReadAsync(answer)).Code()));
    }
}

public sealed class SqliteTokenContract(SqliteDatabaseFixture fixture) : TokenContract(fixture), IClassFixture<SqliteDatabaseFixture>;

[RequiresMariaDb]
public sealed class MariaDbTokenContract(MariaDbDatabaseFixture fixture) : TokenContract(fixture), IClassFixture<MariaDbDatabaseFixture>;
