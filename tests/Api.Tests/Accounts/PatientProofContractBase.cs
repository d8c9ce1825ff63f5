using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Dapper;
using Hospital.Api.Tests.Hospital;
using Hospital.Grains.Abstractions.Privacy;
using Hospital.Silo.Sms;
using Hospital.TestSupport.Databases;

namespace Hospital.Api.Tests.Accounts;

/// <summary>Helpers of the suites on adding patients with a proof: the request, the texted code, and an answer to compare whole.</summary>
public abstract partial class PatientProofContractBase(TestDatabaseFixture fixture) : HospitalApiContractBase(fixture)
{
    /// <summary>POST /api/patients for the person with test ID number <paramref name="index"/>, as the account of <paramref name="token"/>.</summary>
    protected Task<HttpResponseMessage> AddAsync(
        string token, int index, string phone, string name = "张三", string? smsCode = null, string? visitCode = null, string relationship = "Parent") =>
        Client.SendAsync(WithToken(HttpMethod.Post, "/api/patients", token,
            new { name, idNumber = TestIdNumbers.Number(index), phone, relationship, smsCode, visitCode }));

    /// <summary>The latest code texted to <paramref name="phone"/> to add its holder as a patient, read from the development outbox.</summary>
    protected async Task<string?> TextedPatientCodeAsync(string phone)
    {
        await using var connection = await Database.ConnectionFactory.OpenConnectionAsync();
        var message = await connection.QueryFirstOrDefaultAsync<string>(
            "SELECT message FROM notifications WHERE kind = @kind AND patient_id = @masked ORDER BY id DESC",
            new { kind = DevelopmentSmsSender.PatientCodeKind, masked = PersonalDataMask.Phone(phone) });
        return message is null ? null : SixDigits().Match(message).Value;
    }

    protected static async Task<string> IdOfAsync(HttpResponseMessage added) =>
        (await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

    /// <summary>
    /// Everything a caller can tell apart in an answer: status, the headers that matter, and the whole body except the trace id
    /// (which differs on every request).
    /// </summary>
    protected static async Task<string> WholeAnswerAsync(HttpResponseMessage response)
    {
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        body.Remove("traceId");
        return $"{(int)response.StatusCode} {response.Content.Headers.ContentType} Location={response.Headers.Location} " +
               $"Retry-After={response.Headers.RetryAfter} {body.ToJsonString()}";
    }

    [GeneratedRegex(@"\d{6}")]
    private static partial Regex SixDigits();
}
