using System.Net;
using Hospital.Grains.Abstractions.Accounts;
using Hospital.Api.Tests.Hospital;
using Hospital.Grains.Accounts;
using Hospital.TestSupport.Contracts;
using Hospital.TestSupport.Databases;
using Hospital.TestSupport.Hospital;
using Hospital.TestSupport.MariaDb;
using Microsoft.Extensions.DependencyInjection;

namespace Hospital.Api.Tests.Accounts;

/// <summary>
/// A person new here is added by phone only when the real-name service says the phone is theirs (issue 19, point 6): so a
/// stranger who names someone with the stranger's own phone is refused the same way whether that someone is a patient here
/// or not. The carrier here knows the subscribers of the suite's phones, as a real one knows everyone's.
/// </summary>
public abstract class RealNameCheckContract(TestDatabaseFixture fixture) : PatientProofContractBase(fixture)
{
    private const int Known = 1, Unknown = 2, StrangersOwn = 43;
    private static readonly string StrangersPhone = TestPhone(StrangersOwn);

    protected override void ConfigureAppServices(IServiceCollection services) =>
        services.AddSingleton<IRealNameVerifier>(new Carrier(new()
        {
            [AccountPhone] = ("张三", TestIdNumbers.Number(Known)),
            [StrangersPhone] = ("王五", TestIdNumbers.Number(StrangersOwn)),
        }));

    [ContractFact]
    public async Task AStrangerNamingSomeoneWithTheirOwnPhone_IsRefusedAlikeForAPatientHereAndForSomeoneNew_AndWritesNothing()
    {
        var known = await RegisterPatientAsync(Known);
        var stranger = (await SignInAccountAsync(App, StrangersPhone)).AccessToken;

        var onKnown = await AddAsync(stranger, Known, StrangersPhone);
        var onUnknown = await AddAsync(stranger, Unknown, StrangersPhone);

        Assert.Equal((HttpStatusCode.Conflict, FamilyMemberAdmission.ProofInvalidCode), (onKnown.StatusCode, (await ProblemResponse.ReadAsync(onKnown)).Code()));
        Assert.Equal(await WholeAnswerAsync(onKnown), await WholeAnswerAsync(onUnknown));
        Assert.Equal(0, await ScalarAsync("SELECT COUNT(*) FROM patients WHERE id <> @known", new { known }));
    }

    [ContractFact]
    public async Task APersonNewHere_AddsThemselvesWithTheirOwnPhone_AsTheCarrierConfirms()
    {
        var own = (await SignInAccountAsync(App, StrangersPhone)).AccessToken;

        var added = await AddAsync(own, StrangersOwn, StrangersPhone, name: " 王五 ", relationship: "Self");

        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.Equal(1, await ScalarAsync("SELECT COUNT(*) FROM account_patients"));
    }

    [ContractFact]
    public async Task WithoutARealNameService_SomeoneNewIsAddedOnlyAfterTheWindowRegisteredThemWithTheAccountsPhone()
    {
        var app = StartApp(new Dictionary<string, string?> { ["RealName:Verifier"] = "" });
        var client = app.CreateClient();
        var account = (await SignInAccountAsync(app, StrangersPhone)).AccessToken;
        var clerk = TestTokens.Staff(Clock, HospitalRoles.WindowClerk, [TestCatalog.DepartmentId]);
        var person = new { name = "王五", idNumber = TestIdNumbers.Number(StrangersOwn), phone = StrangersPhone, relationship = "Self" };
        var idCardShown = new { person.name, person.idNumber, person.phone, idCardSeen = true };

        var beforeTheWindow = await client.SendAsync(WithToken(HttpMethod.Post, "/api/patients", account, person));
        var atTheWindow = await client.SendAsync(WithToken(HttpMethod.Post, "/api/staff/patients", clerk, idCardShown));
        var afterTheWindow = await client.SendAsync(WithToken(HttpMethod.Post, "/api/patients", account, person));

        Assert.Equal(HttpStatusCode.Conflict, beforeTheWindow.StatusCode);
        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (atTheWindow.StatusCode, afterTheWindow.StatusCode));
    }

    /// <summary>A carrier's subscriber records: whose each phone is.</summary>
    private sealed class Carrier(Dictionary<string, (string Name, string IdNumber)> subscribers) : IRealNameVerifier
    {
        public Task<bool> PhoneBelongsToAsync(RealNameClaim claim, CancellationToken cancellationToken = default) =>
            Task.FromResult(subscribers.TryGetValue(claim.Phone, out var owner) && owner == (claim.Name, claim.IdNumber));
    }
}

public sealed class SqliteRealNameCheckContract(SqliteDatabaseFixture fixture) : RealNameCheckContract(fixture), IClassFixture<SqliteDatabaseFixture>;

[RequiresMariaDb]
public sealed class MariaDbRealNameCheckContract(MariaDbDatabaseFixture fixture) : RealNameCheckContract(fixture), IClassFixture<MariaDbDatabaseFixture>;
