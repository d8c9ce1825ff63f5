using System.Net;
using Hospital.TestSupport.Contracts;
using Hospital.TestSupport.Databases;
using Hospital.TestSupport.MariaDb;

namespace Hospital.Api.Tests.Accounts;

/// <summary>Wrong visit codes are limited per account and day (5), so codes cannot be guessed; known and unknown persons count alike.</summary>
public abstract class VisitCodeTriesContract(TestDatabaseFixture fixture) : PatientProofContractBase(fixture)
{
    private const string WrongCode = "ABCDEFGH";

    [ContractFact]
    public async Task AddPatient_AfterFiveWrongVisitCodesOnKnownAndUnknownPersons_Answers429UntilTomorrow_EvenForTheRightCode()
    {
        var known = await RegisterPatientAsync(1);
        var rightCode = await VisitCodeAsync(known, TokenOf(known));
        var guesser = (await SignInAccountAsync(App, TestPhone(50))).AccessToken;
        var other = (await SignInAccountAsync(App, TestPhone(51))).AccessToken;

        var wrong = new List<HttpResponseMessage>();
        foreach (var index in new[] { 1, 2, 1, 3, 1 }) wrong.Add(await AddAsync(guesser, index, TestPhone(99), visitCode: WrongCode));
        var refused = await AddAsync(guesser, 1, TestPhone(99), visitCode: rightCode);
        var otherAccount = await AddAsync(other, 1, TestPhone(99), visitCode: rightCode);
        Clock.Advance(TimeSpan.FromDays(1));
        var tomorrow = await AddAsync((await SignInAccountAsync(App, TestPhone(50))).AccessToken, 1, TestPhone(99), visitCode: rightCode);

        Assert.All(wrong, answer => Assert.Equal(HttpStatusCode.Conflict, answer.StatusCode));
        Assert.Equal("429 patient.visit_code_tries", $"{(int)refused.StatusCode} {(await ProblemResponse.ReadAsync(refused)).Code()}");
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (otherAccount.StatusCode, tomorrow.StatusCode));
    }

    [ContractFact]
    public async Task AddPatient_TwentyWrongVisitCodesAtOnce_AreComparedFiveTimesAndRefusedWith429ThereAfter()
    {
        var known = await RegisterPatientAsync(1);
        var rightCode = await VisitCodeAsync(known, TokenOf(known));
        var guesser = (await SignInAccountAsync(App, TestPhone(52))).AccessToken;

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() =>
            AddAsync(guesser, i % 2 == 0 ? 1 : 2, TestPhone(99), visitCode: WrongCode))));
        var rightAfterwards = await AddAsync(guesser, 1, TestPhone(99), visitCode: rightCode);

        var counted = new List<string>();
        foreach (var answer in answers) counted.Add($"{(int)answer.StatusCode} {(await ProblemResponse.ReadAsync(answer)).Code()}");
        Assert.Equal(5, counted.Count(c => c == "409 patient.proof_invalid"));
        Assert.Equal(15, counted.Count(c => c == "429 patient.visit_code_tries"));
        // The final state agrees: the limit is used up, so even the right code is refused and nobody was added.
        Assert.Equal(HttpStatusCode.TooManyRequests, rightAfterwards.StatusCode);
        Assert.Equal(1, await ScalarAsync("SELECT COUNT(*) FROM account_patients"));
    }
}

public sealed class SqliteVisitCodeTriesContract(SqliteDatabaseFixture fixture) : VisitCodeTriesContract(fixture), IClassFixture<SqliteDatabaseFixture>;

[RequiresMariaDb]
public sealed class MariaDbVisitCodeTriesContract(MariaDbDatabaseFixture fixture) : VisitCodeTriesContract(fixture), IClassFixture<MariaDbDatabaseFixture>;
