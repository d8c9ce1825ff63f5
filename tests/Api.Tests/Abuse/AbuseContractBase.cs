using System.Net.Http.Json;
using System.Text.Json;
using Hospital.Api.Tests.Hospital;
using Hospital.Grains.Abstractions.Booking;
using Hospital.TestSupport.Databases;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Hospital.Api.Tests.Abuse;

/// <summary>Helpers of the anti-scalping suites: bookings with chosen addresses and devices, answers as "status code", flag rows.</summary>
public abstract class AbuseContractBase(TestDatabaseFixture fixture) : HospitalApiContractBase(fixture)
{
    /// <summary>An app with <paramref name="settings"/> whose requests may name their TCP peer (<see cref="PeerAddressStartupFilter"/>).</summary>
    protected HospitalApiFactory StartAppWithPeers(IDictionary<string, string?> settings) =>
        StartApp(settings, services => services.AddSingleton<IStartupFilter, PeerAddressStartupFilter>());

    /// <summary>An App-channel booking with the account's token, from <paramref name="peer"/> with the given extra headers.</summary>
    protected static HttpRequestMessage Booking(string token, string sessionId, string patientId, string key, string? peer = null,
        params (string Name, string Value)[] headers)
    {
        var request = BookingAs(token, sessionId, patientId, BookingChannel.App, key);
        if (peer is not null) request.Headers.Add(PeerAddressStartupFilter.Header, peer);
        foreach (var (name, value) in headers) request.Headers.Add(name, value);
        return request;
    }

    /// <summary>"201", or the status and problem code, e.g. "409 account.frozen".</summary>
    protected static async Task<string> AnswerAsync(HttpResponseMessage response) =>
        response.IsSuccessStatusCode ? ((int)response.StatusCode).ToString() : $"{(int)response.StatusCode} {(await ProblemResponse.ReadAsync(response)).Code()}";

    protected async Task<string> AccountIdAsync(HttpClient client, string token) =>
        (await (await client.SendAsync(WithToken(HttpMethod.Get, "/api/me", token))).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

    /// <summary>The flags stored, as "account kind" lines, sorted.</summary>
    protected async Task<List<string>> FlagsAsync()
    {
        await using var connection = await Database.ConnectionFactory.OpenConnectionAsync();
        return [.. (await Dapper.SqlMapper.QueryAsync<(string, string)>(connection, "SELECT account_id, kind FROM account_flags"))
            .Select(f => $"{f.Item1} {f.Item2}").Order()];
    }

    protected async Task<List<string>> EvidenceAsync()
    {
        await using var connection = await Database.ConnectionFactory.OpenConnectionAsync();
        return [.. await Dapper.SqlMapper.QueryAsync<string>(connection, "SELECT evidence FROM account_flags")];
    }
}
