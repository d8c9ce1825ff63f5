using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Hospital.Api.Tests.Fuzz;
using Hospital.Api.Tests.Hospital;
using Hospital.Grains.Abstractions.Accounts;
using Hospital.TestSupport.Contracts;
using Hospital.TestSupport.Databases;
using Hospital.TestSupport.Hospital;
using Hospital.TestSupport.MariaDb;

namespace Hospital.Api.Tests.Access;

/// <summary>
/// Walks every operation of /openapi/v1.json as every <see cref="Role"/> with a valid request and checks that it was let
/// through or refused as <see cref="RoleMatrix"/> says. Refused means 401 without a token, 403, or the 404 that hides another
/// account's appointment or patient; anything else (2xx, 400, 409, ...) got past authorization.
/// </summary>
public abstract class RoleMatrixContract(TestDatabaseFixture fixture) : HospitalApiContractBase(fixture)
{
    private static readonly TimeSpan StreamWait = TimeSpan.FromSeconds(2);

    [ContractFact]
    public async Task EveryOperation_AsEveryRole_IsAllowedOrRefusedAsTheMatrixSays()
    {
        var patient = await RegisterPatientAsync();
        var appointment = await HoldAsync(TestCatalog.Session(1, TestCatalog.SharedDoctor), patient);
        var tokens = await TokensAsync();
        var operations = FuzzOperation.ReadAll(await Client.GetFromJsonAsync<JsonElement>("/openapi/v1.json"));
        var values = new ValidRequestValues(new FuzzTargets(TestCatalog.Session(2, TestCatalog.SharedDoctor), TestCatalog.Session(3, TestCatalog.SharedDoctor),
            appointment.Id, patient, tokens[Role.PatientA]!, tokens[Role.HospitalAdmin]!));
        var client = App.CreateClient();
        var findings = new List<string>();

        var unlisted = operations.Select(o => o.ToString()).Except(RoleMatrix.Allowed.Keys).ToList();
        var stale = RoleMatrix.Allowed.Keys.Except(operations.Select(o => o.ToString())).ToList();
        findings.AddRange(unlisted.Select(o => $"{o}: no row in RoleMatrix; decide who may call it"));
        findings.AddRange(stale.Select(o => $"{o}: a RoleMatrix row for an operation the document does not have"));

        // DELETEs last: A taking its patient off the account (after the patient's own DELETEs, such as leaving a waitlist) changes
        // what every later call finds; closing an account (DELETE /api/me) the very last, as every later call of its token finds no account at all.
        foreach (var operation in operations.Where(o => RoleMatrix.Allowed.ContainsKey(o.ToString()))
                     .OrderBy(o => o.Method == "delete").ThenBy(o => o.ToString() == "DELETE /api/me").ThenBy(o => o.ToString() == "DELETE /api/patients/{id}"))
        {
            foreach (var role in Enum.GetValues<Role>())
            {
                var (status, code) = await SendAsync(client, Request(operation, values, tokens[role]));
                var allowed = RoleMatrix.Allowed[operation.ToString()].Contains(role);
                if (allowed == IsRefusal(status, code))
                    findings.Add($"{operation} as {role}: {(int)status} {code}, but the matrix says {(allowed ? "allowed" : "refused")}");
            }
        }

        Assert.True(findings.Count == 0, string.Join('\n', findings));
        Assert.True(operations.Count >= 25, $"only {operations.Count} operations in the document");
    }

    private static bool IsRefusal(HttpStatusCode status, string? code) => status switch
    {
        HttpStatusCode.Unauthorized => code == "auth.unauthenticated",
        HttpStatusCode.Forbidden => true,
        HttpStatusCode.NotFound => code is "appointment.not_found" or "patient.not_found",
        _ => false,
    };

    /// <summary>Each role's access token (none for the anonymous caller). A is the test's account; B another phone's.</summary>
    private async Task<Dictionary<Role, string?>> TokensAsync()
    {
        const int other = TestCatalog.DepartmentId + 1;
        return new Dictionary<Role, string?>
        {
            [Role.Anonymous] = null,
            [Role.PatientA] = await AccountTokenAsync(),
            [Role.PatientB] = (await SignInAccountAsync(App, TestPhone(2))).AccessToken,
            [Role.Doctor] = TestTokens.Staff(Clock, HospitalRoles.Doctor, [TestCatalog.DepartmentId], TestCatalog.SharedDoctor),
            [Role.OtherDoctor] = TestTokens.Staff(Clock, HospitalRoles.Doctor, [other], 99),
            [Role.Clerk] = TestTokens.Staff(Clock, HospitalRoles.WindowClerk, [TestCatalog.DepartmentId]),
            [Role.DepartmentAdmin] = TestTokens.Staff(Clock, HospitalRoles.DepartmentAdmin, [TestCatalog.DepartmentId]),
            [Role.OtherDepartmentAdmin] = TestTokens.Staff(Clock, HospitalRoles.DepartmentAdmin, [other]),
            [Role.HospitalAdmin] = TestTokens.HospitalAdmin(Clock),
        };
    }

    /// <summary>A valid request for the operation (the fuzz suite's valid values), with the role's token.</summary>
    private static HttpRequestMessage Request(FuzzOperation operation, ValidRequestValues values, string? token)
    {
        var url = operation.Path;
        foreach (var parameter in operation.Parameters.Where(p => p.In == "path"))
            url = url.Replace("{" + parameter.Name + "}", Uri.EscapeDataString(values.Path(operation, parameter.Name)), StringComparison.Ordinal);
        var query = string.Join('&', operation.Parameters.Where(p => p.In == "query").Select(p => $"{p.Name}={Uri.EscapeDataString(ValidRequestValues.Query(p.Name))}"));
        var request = new HttpRequestMessage(new HttpMethod(operation.Method.ToUpperInvariant()), query.Length == 0 ? url : $"{url}?{query}");
        foreach (var header in operation.Parameters.Where(p => p.In == "header")) request.Headers.Add(header.Name, values.Header(header.Name));
        if (operation.Body is { } schema)
            request.Content = new StringContent("{" + string.Join(',', values.Body(schema).Select(f => $"{JsonSerializer.Serialize(f.Key)}:{f.Value}")) + "}",
                Encoding.UTF8, "application/json");
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    /// <summary>The status and problem code; an endless stream is judged by its headers.</summary>
    private static async Task<(HttpStatusCode Status, string? Code)> SendAsync(HttpClient client, HttpRequestMessage request)
    {
        using (request)
        using (var timeout = new CancellationTokenSource(StreamWait * 10))
        using (var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token))
        {
            if (response.Content.Headers.ContentType?.MediaType != "application/problem+json") return (response.StatusCode, null);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>(timeout.Token);
            return (response.StatusCode, problem.TryGetProperty("code", out var code) ? code.GetString() : null);
        }
    }
}

public sealed class SqliteRoleMatrixContract(SqliteDatabaseFixture fixture) : RoleMatrixContract(fixture), IClassFixture<SqliteDatabaseFixture>;

[RequiresMariaDb]
public sealed class MariaDbRoleMatrixContract(MariaDbDatabaseFixture fixture) : RoleMatrixContract(fixture), IClassFixture<MariaDbDatabaseFixture>;
