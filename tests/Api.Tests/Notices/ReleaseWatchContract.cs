using System.Net.Http.Json;
using System.Text.Json;
using Hospital.Api.Tests.Hospital;
using Hospital.TestSupport.Contracts;
using Hospital.TestSupport.Databases;
using Hospital.TestSupport.Hospital;
using Hospital.TestSupport.MariaDb;

namespace Hospital.Api.Tests.Notices;

/// <summary>A patient asks to be told the day before a department's date opens: stored once, refused clearly when it cannot apply.</summary>
public abstract class ReleaseWatchContract(TestDatabaseFixture fixture) : HospitalApiContractBase(fixture)
{
    [ContractFact]
    public async Task Watch_ADateNotYetOpen_IsStoredOnce_AndSaysWhenItOpens()
    {
        var patient = await RegisterPatientAsync();
        var path = $"/api/patients/{patient}/release-watches/{TestCatalog.DepartmentId}/2026-12-01";

        var first = await Client.SendAsync(WithToken(HttpMethod.Put, path, TokenOf(patient)));
        var again = await Client.SendAsync(WithToken(HttpMethod.Put, path, TokenOf(patient)));

        Assert.Equal((200, 200), ((int)first.StatusCode, (int)again.StatusCode));
        var answer = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 7, 0, 0, TimeSpan.FromHours(8)), answer.GetProperty("opensAt").GetDateTimeOffset());
        Assert.Equal(1, await ScalarAsync("SELECT COUNT(*) FROM release_watches WHERE patient_id = @patient", new { patient }));
    }

    [ContractFact]
    public async Task Watch_ABadDate_AnOpenDate_AnUnknownDepartment_OrAnotherAccountsPatient_IsRefusedAndStoresNothing()
    {
        var patient = await RegisterPatientAsync();
        var stranger = (await SignInAccountAsync(App, TestPhone(7))).AccessToken;
        async Task<string> AnswerAsync(string path, string? token = null)
        {
            var response = await Client.SendAsync(WithToken(HttpMethod.Put, $"/api/patients/{patient}/release-watches/{path}", token ?? TokenOf(patient)));
            return $"{(int)response.StatusCode} {(await ProblemResponse.ReadAsync(response)).Code()}";
        }

        Assert.Equal(
            ["400 request.invalid", "400 request.invalid", "409 release.already_open", "404 department.not_found", "404 patient.not_found"],
            [await AnswerAsync("1/2026-13-01"), await AnswerAsync("1/2027-06-01"), await AnswerAsync("1/2026-11-25"), await AnswerAsync("99/2026-12-01"),
                await AnswerAsync("1/2026-12-01", stranger)]);
        Assert.Equal(0, await ScalarAsync("SELECT COUNT(*) FROM release_watches"));
    }
}

public sealed class SqliteReleaseWatchContract(SqliteDatabaseFixture fixture) : ReleaseWatchContract(fixture), IClassFixture<SqliteDatabaseFixture>;

[RequiresMariaDb]
public sealed class MariaDbReleaseWatchContract(MariaDbDatabaseFixture fixture) : ReleaseWatchContract(fixture), IClassFixture<MariaDbDatabaseFixture>;
