using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Dapper;
using Hospital.Api.Apis.Contracts;
using Hospital.Api.Tests.Hospital;
using Hospital.Grains.Abstractions.Privacy;
using Hospital.Silo.Sms;
using Hospital.TestSupport.Databases;

namespace Hospital.Api.Tests.Accounts;

/// <summary>Helpers of the login suites: ask for a code, read it from the development outbox, log in, call with a token.</summary>
public abstract partial class AccountsContractBase(TestDatabaseFixture fixture) : HospitalApiContractBase(fixture)
{
    /// <summary>Per-IP limits high enough that only the per-phone rules decide.</summary>
    protected static readonly Dictionary<string, string?> LooseIpLimits = new()
    {
        ["Auth:RateLimits:SmsCodesPerIp"] = "1000",
        ["Auth:RateLimits:LoginsPerIp"] = "1000",
    };

    protected static Task<HttpResponseMessage> RequestCodeAsync(HttpClient client, string phone) =>
        client.PostAsJsonAsync("/api/auth/sms-codes", new { phone });

    /// <summary>The latest login code the development sender wrote to the outbox for <paramref name="phone"/>, and how many it wrote.</summary>
    protected async Task<(string? Latest, int Count)> OutboxCodesAsync(string phone)
    {
        await using var connection = await Database.ConnectionFactory.OpenConnectionAsync();
        var messages = (await connection.QueryAsync<string>(
            "SELECT message FROM notifications WHERE kind = @kind AND patient_id = @masked ORDER BY id DESC",
            new { kind = DevelopmentSmsSender.LoginCodeKind, masked = PersonalDataMask.Phone(phone) })).ToList();
        return (messages.Count == 0 ? null : SixDigits().Match(messages[0]).Value, messages.Count);
    }

    protected static Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string phone, string code) =>
        client.PostAsJsonAsync("/api/auth/login", new { phone, code });

    /// <summary>Asks for a code, reads it from the outbox and logs in with it.</summary>
    protected async Task<TokenResponse> LoginAsync(HttpClient client, string phone)
    {
        Assert.Equal(System.Net.HttpStatusCode.Accepted, (await RequestCodeAsync(client, phone)).StatusCode);
        var response = await PostLoginAsync(client, phone, (await OutboxCodesAsync(phone)).Latest!);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<TokenResponse>(Json))!;
    }

    protected static Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, string? accessToken, object? body = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        if (accessToken is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client.SendAsync(request);
    }

    protected static Task<HttpResponseMessage> RefreshAsync(HttpClient client, string? refreshToken) =>
        client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken });

    [GeneratedRegex(@"\d{6}")]
    private static partial Regex SixDigits();
}
