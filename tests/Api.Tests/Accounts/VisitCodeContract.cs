using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Hospital.TestSupport.Contracts;
using Hospital.TestSupport.Databases;
using Hospital.TestSupport.MariaDb;

namespace Hospital.Api.Tests.Accounts;

/// <summary>A patient's visit code: shown to the patient's own accounts, stable until rotated, stored so a database reader cannot use it.</summary>
public abstract class VisitCodeContract(TestDatabaseFixture fixture) : PatientProofContractBase(fixture)
{
    [ContractFact]
    public async Task VisitCode_IsTheSameOnEveryAsk_UntilRotated_ThenOnlyTheNewOneAddsThePatient()
    {
        var patient = await RegisterPatientAsync();
        var token = TokenOf(patient);
        var other = (await SignInAccountAsync(App, TestPhone(60))).AccessToken;

        var first = await VisitCodeAsync(patient, token);
        var again = await VisitCodeAsync(patient, token);
        var rotation = await Client.SendAsync(WithToken(HttpMethod.Post, $"/api/patients/{patient}/visit-code", token));
        var rotated = (await rotation.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("visitCode").GetString()!;
        var withOld = await AddAsync(other, 1, TestPhone(99), visitCode: first);
        var withNew = await AddAsync(other, 1, TestPhone(99), visitCode: rotated);

        Assert.Equal(first, again);
        Assert.Equal(HttpStatusCode.OK, rotation.StatusCode);
        Assert.NotEqual(first, rotated);
        Assert.Equal(rotated, await VisitCodeAsync(patient, token));
        Assert.Equal((HttpStatusCode.Conflict, HttpStatusCode.Created), (withOld.StatusCode, withNew.StatusCode));
    }

    [ContractFact]
    public async Task VisitCode_IsStoredOnlyAsAKeyedHashAndCiphertext()
    {
        var patient = await RegisterPatientAsync();
        var code = await VisitCodeAsync(patient, TokenOf(patient));

        await using var connection = await Database.ConnectionFactory.OpenConnectionAsync();
        var row = await connection.QuerySingleAsync<(string Hash, string Protected)>(
            "SELECT code_hash, code_protected FROM patient_visit_codes WHERE patient_id = @patient", new { patient });

        Assert.DoesNotContain(code, row.Hash + row.Protected);
        Assert.Equal(64, row.Hash.Length);
    }

    [ContractFact]
    public async Task VisitCode_OfAPatientOnAnotherAccount_Is404AsForAnUnknownPatient_AndIsNeitherShownNorRotated()
    {
        var patient = await RegisterPatientAsync();
        var code = await VisitCodeAsync(patient, TokenOf(patient));
        var other = (await SignInAccountAsync(App, TestPhone(61))).AccessToken;

        var read = await Client.SendAsync(WithToken(HttpMethod.Get, $"/api/patients/{patient}/visit-code", other));
        var rotate = await Client.SendAsync(WithToken(HttpMethod.Post, $"/api/patients/{patient}/visit-code", other));
        var unknown = await Client.SendAsync(WithToken(HttpMethod.Get, "/api/patients/P-nobody/visit-code", other));

        Assert.Equal(await WholeAnswerAsync(unknown), await WholeAnswerAsync(read));
        Assert.Equal("404 patient.not_found", $"{(int)rotate.StatusCode} {(await ProblemResponse.ReadAsync(rotate)).Code()}");
        Assert.Equal(code, await VisitCodeAsync(patient, TokenOf(patient)));
    }
}

public sealed class SqliteVisitCodeContract(SqliteDatabaseFixture fixture) : VisitCodeContract(fixture), IClassFixture<SqliteDatabaseFixture>;

[RequiresMariaDb]
public sealed class MariaDbVisitCodeContract(MariaDbDatabaseFixture fixture) : VisitCodeContract(fixture), IClassFixture<MariaDbDatabaseFixture>;
