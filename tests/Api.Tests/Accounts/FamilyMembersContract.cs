using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hospital.Api.Tests.Hospital;
using Hospital.TestSupport.Contracts;
using Hospital.TestSupport.Databases;
using Hospital.TestSupport.Hospital;
using Hospital.TestSupport.MariaDb;

namespace Hospital.Api.Tests.Accounts;

/// <summary>An account's patients (就诊人): added under their real name with a relationship, at most 5, shared between accounts, removed.</summary>
public abstract class FamilyMembersContract(TestDatabaseFixture fixture) : HospitalApiContractBase(fixture)
{
    [ContractFact]
    public async Task AddPatient_EightPeopleAtOnce_PutsFiveOnTheAccountAndRefusesThreeWithThePatientLimit()
    {
        var token = await AccountTokenAsync();

        var answers = await Task.WhenAll(Enumerable.Range(1, 8).Select(i => Task.Run(() => Client.SendAsync(
            WithToken(HttpMethod.Post, "/api/patients", token, Person(i, "Child"))))));

        Assert.Equal(5, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        foreach (var refused in answers.Where(a => a.StatusCode != HttpStatusCode.Created))
            Assert.Equal((HttpStatusCode.Conflict, "account.patient_limit"), (refused.StatusCode, (await ProblemResponse.ReadAsync(refused)).Code()));
        Assert.Equal(5, await ScalarAsync("SELECT COUNT(*) FROM account_patients"));
        Assert.Equal(5, (await Client.GetFromJsonAsync<JsonElement[]>("/api/patients"))!.Length);
    }

    [ContractFact]
    public async Task AddPatient_ANewPersonToAFullAccount_IsRefusedWithoutRegisteringThem()
    {
        var token = await AccountTokenAsync();
        for (var i = 1; i <= 5; i++)
            (await Client.SendAsync(WithToken(HttpMethod.Post, "/api/patients", token, Person(i, "Child")))).EnsureSuccessStatusCode();

        var refused = await Client.SendAsync(WithToken(HttpMethod.Post, "/api/patients", token, Person(6, "Child")));

        Assert.Equal((HttpStatusCode.Conflict, "account.patient_limit"), (refused.StatusCode, (await ProblemResponse.ReadAsync(refused)).Code()));
        Assert.Equal(5, await ScalarAsync("SELECT COUNT(*) FROM patients"));
    }

    [ContractFact]
    public async Task AddPatient_WithANameOfControlOrInvisibleCharactersOrNoLetter_Returns400AndWritesNothing()
    {
        var token = await AccountTokenAsync();

        foreach (var name in new[] { "\u0000", "\u200B\u200B", "张\u0007三", "123", "·" })
        {
            var response = await Client.SendAsync(WithToken(HttpMethod.Post, "/api/patients", token, Person(1, "Self") with { Name = name }));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.True((await ProblemResponse.ReadAsync(response)).GetProperty("errors").TryGetProperty("name", out _), name);
        }
        Assert.Equal(0, await ScalarAsync("SELECT COUNT(*) FROM patients"));
    }

    [ContractFact]
    public async Task AddPatient_TheSamePersonOnTwoAccounts_IsListedOnEachWithItsOwnRelationshipAndMasked()
    {
        var mother = (await SignInAccountAsync(App, TestPhone(11))).AccessToken;
        var daughter = (await SignInAccountAsync(App, TestPhone(12))).AccessToken;

        var own = await Client.SendAsync(WithToken(HttpMethod.Post, "/api/patients", mother, Person(1, "Self", TestPhone(11))));
        var motherId = (await own.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var parent = await Client.SendAsync(WithToken(HttpMethod.Post, "/api/patients", daughter,
            Person(1, "Parent", TestPhone(11)) with { VisitCode = await VisitCodeAsync(motherId, mother) }));
        var mothers = await ListAsync(mother);
        var daughters = await ListAsync(daughter);

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (own.StatusCode, parent.StatusCode));
        Assert.Equal(mothers.Single().GetProperty("id").GetString(), daughters.Single().GetProperty("id").GetString());
        Assert.Equal(("Self", "Parent"), (mothers.Single().GetProperty("relationship").GetString(), daughters.Single().GetProperty("relationship").GetString()));
        Assert.DoesNotContain(TestIdNumbers.Number(1), daughters.Single().ToString());
    }

    [ContractFact]
    public async Task AddPatient_WithoutARelationship_Returns400NamingTheFieldAndWritesNothing()
    {
        var response = await Client.SendAsync(WithToken(HttpMethod.Post, "/api/patients", await AccountTokenAsync(),
            new { name = "张三", idNumber = TestIdNumbers.Number(1), phone = "13800138000" }));

        var problem = await ProblemResponse.ReadAsync(response);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty("relationship", out _));
        Assert.Equal(0, await ScalarAsync("SELECT COUNT(*) FROM patients"));
    }

    [ContractFact]
    public async Task RemovePatient_TakesItOffThatAccountOnly_WhichThenNoLongerSeesItsAppointment()
    {
        var patient = await RegisterPatientAsync();
        var other = (await SignInAccountAsync(App, TestPhone(13))).AccessToken;
        var added = await Client.SendAsync(WithToken(HttpMethod.Post, "/api/patients", other,
            Person(1, "Parent") with { VisitCode = await VisitCodeAsync(patient, TokenOf(patient)) }));
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var held = await HoldAsync(TestCatalog.Session(1), patient);

        var removed = await Client.DeleteAsync($"/api/patients/{patient}");
        var again = await Client.DeleteAsync($"/api/patients/{patient}");
        var hidden = await Client.GetAsync($"/api/appointments/{held.Id}");
        var stillSeen = await Client.SendAsync(WithToken(HttpMethod.Get, $"/api/appointments/{held.Id}", other));

        Assert.Equal((HttpStatusCode.NoContent, HttpStatusCode.NotFound), (removed.StatusCode, again.StatusCode));
        Assert.Equal((HttpStatusCode.NotFound, "appointment.not_found"), (hidden.StatusCode, (await ProblemResponse.ReadAsync(hidden)).Code()));
        Assert.Equal(HttpStatusCode.OK, stillSeen.StatusCode);
        Assert.Empty(await ListAsync(await AccountTokenAsync()));
    }

    private async Task<JsonElement[]> ListAsync(string token) =>
        (await (await Client.SendAsync(WithToken(HttpMethod.Get, "/api/patients", token))).Content.ReadFromJsonAsync<JsonElement[]>())!;

    /// <summary>A person whose phone is the test account's login phone unless given, so that account needs no other proof.</summary>
    private static PersonBody Person(int index, string relationship, string? phone = null) =>
        new("张三", TestIdNumbers.Number(index), phone ?? AccountPhone, relationship, null);

    private sealed record PersonBody(string Name, string IdNumber, string Phone, string Relationship, string? VisitCode);
}

public sealed class SqliteFamilyMembersContract(SqliteDatabaseFixture fixture) : FamilyMembersContract(fixture), IClassFixture<SqliteDatabaseFixture>;

[RequiresMariaDb]
public sealed class MariaDbFamilyMembersContract(MariaDbDatabaseFixture fixture) : FamilyMembersContract(fixture), IClassFixture<MariaDbDatabaseFixture>;
