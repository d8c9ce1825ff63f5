using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hospital.Api.Tests.Hospital;
using Hospital.TestSupport.Contracts;
using Hospital.TestSupport.Databases;
using Hospital.TestSupport.MariaDb;

namespace Hospital.Api.Tests.Accounts;

/// <summary>
/// Adding a patient takes proof that the account may act for the person (issue 19): the login phone, a code texted to the
/// person's phone, or their visit code. Name and ID number alone are not enough, and no answer tells a stranger whether
/// someone is a patient here.
/// </summary>
public abstract class PatientProofContract(TestDatabaseFixture fixture) : PatientProofContractBase(fixture)
{
    private const string ProofInvalid = "409 patient.proof_invalid";

    [ContractFact]
    public async Task AddPatient_WithAnotherPhoneAndNoProof_Answers409ProofInvalidAndWritesNothing()
    {
        var token = await AccountTokenAsync();
        var before = await RowCountsAsync();

        var response = await AddAsync(token, 1, TestPhone(30));

        Assert.Equal(ProofInvalid, $"{(int)response.StatusCode} {(await ProblemResponse.ReadAsync(response)).Code()}");
        Assert.Equal(before, await RowCountsAsync());
        Assert.Equal(0, await ScalarAsync("SELECT COUNT(*) FROM account_patients"));
    }

    [ContractFact]
    public async Task AddPatient_WithTheCodeTextedToTheirPhone_AddsThem_AndThatCodeProvesNothingToAnotherAccount()
    {
        var daughter = await AccountTokenAsync();
        var stranger = (await SignInAccountAsync(App, TestPhone(41))).AccessToken;
        var mothersPhone = TestPhone(31);

        var sent = await Client.SendAsync(WithToken(HttpMethod.Post, "/api/patients/sms-codes", daughter, new { phone = mothersPhone }));
        var code = await TextedPatientCodeAsync(mothersPhone);
        var byStranger = await AddAsync(stranger, 1, mothersPhone, smsCode: code);
        var byDaughter = await AddAsync(daughter, 1, mothersPhone, smsCode: code);

        Assert.Equal(HttpStatusCode.Accepted, sent.StatusCode);
        Assert.Equal("139****0031", (await sent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("phoneMasked").GetString());
        Assert.Equal(ProofInvalid, $"{(int)byStranger.StatusCode} {(await ProblemResponse.ReadAsync(byStranger)).Code()}");
        Assert.Equal(HttpStatusCode.Created, byDaughter.StatusCode);
    }

    [ContractFact]
    public async Task AddPatient_AKnownPatientWithTheirVisitCodeAsTyped_AddsThatPatient()
    {
        var mother = await RegisterPatientAsync();
        var visitCode = await VisitCodeAsync(mother, TokenOf(mother));
        var son = (await SignInAccountAsync(App, TestPhone(42))).AccessToken;

        var typed = $"{visitCode[..4].ToLowerInvariant()}-{visitCode[4..]}";
        var added = await AddAsync(son, 1, TestPhone(99), visitCode: typed);

        Assert.Equal(8, visitCode.Length);
        Assert.All(visitCode, c => Assert.Contains(c, "23456789ABCDEFGHJKMNPQRSTUVWXYZ"));
        Assert.Equal((HttpStatusCode.Created, mother), (added.StatusCode, await IdOfAsync(added)));
    }

    [ContractFact]
    public async Task AddPatient_EveryFailedProof_AnswersTheSameForAKnownPatientAndForSomeoneWhoIsNot()
    {
        var known = await RegisterPatientAsync(1); // 张三, registered with the test account's phone
        var visitCode = await VisitCodeAsync(known, TokenOf(known));
        var stranger = (await SignInAccountAsync(App, TestPhone(43))).AccessToken;
        await Client.SendAsync(WithToken(HttpMethod.Post, "/api/patients/sms-codes", stranger, new { phone = AccountPhone }));
        var wrongSms = await TextedPatientCodeAsync(AccountPhone) == "000000" ? "000001" : "000000";
        const int unknown = 2;

        // Each pair: the same attempt on the known patient's ID number and on one nobody registered.
        (Func<int, Task<HttpResponseMessage>> Attempt, string What)[] attempts =
        [
            (i => AddAsync(stranger, i, AccountPhone), "their phone, no proof"),
            (i => AddAsync(stranger, i, AccountPhone, smsCode: wrongSms), "a wrong SMS code"),
            (i => AddAsync(stranger, i, AccountPhone, visitCode: "ABCDEFGH"), "a wrong visit code"),
            (i => AddAsync(stranger, i, AccountPhone, name: "李四", visitCode: visitCode), "another name with the right visit code"),
        ];
        foreach (var (attempt, what) in attempts)
        {
            var onKnown = await attempt(1);
            var onUnknown = await attempt(unknown);

            Assert.True(ProofInvalid == $"{(int)onKnown.StatusCode} {(await ProblemResponse.ReadAsync(onKnown)).Code()}", what);
            Assert.Equal(await WholeAnswerAsync(onKnown), await WholeAnswerAsync(onUnknown));
            Assert.DoesNotContain(known, await onKnown.Content.ReadAsStringAsync());
        }

        // A known ID number under another name, with the stranger's own phone (which would add a new person), answers as any failed proof.
        var differentName = await AddAsync(stranger, 1, TestPhone(43), name: "李四");
        var noProof = await AddAsync(stranger, unknown, TestPhone(30));
        Assert.Equal(await WholeAnswerAsync(noProof), await WholeAnswerAsync(differentName));
        Assert.Equal(0, await ScalarAsync("SELECT COUNT(*) FROM patients WHERE id <> @known", new { known }));
    }

    [ContractFact]
    public async Task AddPatient_ANewPersonAndAKnownPatient_AreAddedWithAnswersOfTheSameShape()
    {
        var known = await RegisterPatientAsync(1);
        var visitCode = await VisitCodeAsync(known, TokenOf(known));
        var other = (await SignInAccountAsync(App, TestPhone(44))).AccessToken;

        var newPerson = await AddAsync(other, 3, TestPhone(44), relationship: "Self");
        var knownPerson = await AddAsync(other, 1, TestPhone(99), visitCode: visitCode);

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (newPerson.StatusCode, knownPerson.StatusCode));
        Assert.Equal(await ShapeAsync(newPerson), await ShapeAsync(knownPerson));
    }

    private static async Task<string> ShapeAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = body.GetProperty("id").GetString()!;
        return $"{response.Content.Headers.ContentType} {response.Headers.Location?.ToString().Replace(id, "{id}")} " +
               string.Join(',', body.EnumerateObject().Select(p => $"{p.Name}:{p.Value.ValueKind}"));
    }
}

public sealed class SqlitePatientProofContract(SqliteDatabaseFixture fixture) : PatientProofContract(fixture), IClassFixture<SqliteDatabaseFixture>;

[RequiresMariaDb]
public sealed class MariaDbPatientProofContract(MariaDbDatabaseFixture fixture) : PatientProofContract(fixture), IClassFixture<MariaDbDatabaseFixture>;
