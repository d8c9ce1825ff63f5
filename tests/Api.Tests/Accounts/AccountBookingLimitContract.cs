using System.Net;
using System.Net.Http.Json;
using Hospital.Api.Tests.Hospital;
using Hospital.Grains.Abstractions.Booking;
using Hospital.TestSupport.Contracts;
using Hospital.TestSupport.Databases;
using Hospital.TestSupport.Hospital;
using Hospital.TestSupport.MariaDb;

namespace Hospital.Api.Tests.Accounts;

/// <summary>
/// The 3-a-day limit counts per account and per patient, whichever is reached first; bookings record the booking account.
/// </summary>
public abstract class AccountBookingLimitContract(TestDatabaseFixture fixture) : HospitalApiContractBase(fixture)
{
    [ContractFact]
    public async Task Book_EightAtOnceForFourPatients_HoldsThreeAndRefusesTheRestWithTheAccountLimit()
    {
        var patients = new List<string>();
        for (var i = 1; i <= 4; i++) patients.Add(await RegisterPatientAsync(i));

        // Two sessions each: no patient comes near its own limit, so only the account's decides.
        var answers = await Task.WhenAll(patients.SelectMany((patient, i) => new[] { 2 * i, 2 * i + 1 }.Select(day =>
            Task.Run(() => PostAppointmentAsync(Client, TestCatalog.Session(day % 7), patient, $"sweep-{patient}-{day}")))));

        var held = new List<string>();
        foreach (var answer in answers)
        {
            if (answer.StatusCode == HttpStatusCode.Created) held.Add((await answer.Content.ReadFromJsonAsync<AppointmentView>(Json))!.Id);
            else Assert.Equal("409 account.daily_limit", $"{(int)answer.StatusCode} {(await ProblemResponse.ReadAsync(answer)).Code()}");
        }
        Assert.Equal(3, held.Count);
        Assert.Equal(held.Order(), await IdsAsync("SELECT id FROM appointments"));
        Assert.Equal(held.Order(), await IdsAsync("SELECT appointment_id FROM appointment_audit WHERE actor = @actor",
            new { actor = BookingActor.Account(await AccountIdAsync()) }));
    }

    [ContractFact]
    public async Task Book_APatientOnTwoAccounts_IsStoppedByThePatientsLimitBeforeEitherAccountsLimit()
    {
        var patient = await RegisterPatientAsync();
        var daughter = (await SignInAccountAsync(App, TestPhone(21))).AccessToken;
        var added = await Client.SendAsync(WithToken(HttpMethod.Post, "/api/patients", daughter, new
        {
            name = "张三", idNumber = TestIdNumbers.Number(1), phone = AccountPhone, relationship = "Parent", visitCode = await VisitCodeAsync(patient, TokenOf(patient)),
        }));
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);

        await HoldAsync(TestCatalog.Session(1), patient);
        await HoldAsync(TestCatalog.Session(2), patient);
        var third = await Client.SendAsync(Booking(daughter, TestCatalog.Session(3), patient, "daughter-1"));
        var fourth = await Client.SendAsync(Booking(daughter, TestCatalog.Session(4), patient, "daughter-2"));

        Assert.Equal(HttpStatusCode.Created, third.StatusCode);
        Assert.Equal("409 patient.daily_limit", $"{(int)fourth.StatusCode} {(await ProblemResponse.ReadAsync(fourth)).Code()}");
    }

    [ContractFact]
    public async Task Book_OnANewNodeAfterThreeBookings_StillCountsThemFromTheAuditRows()
    {
        var patients = new List<string>();
        for (var i = 1; i <= 4; i++) patients.Add(await RegisterPatientAsync(i));
        for (var i = 0; i < 3; i++) await HoldAsync(TestCatalog.Session(i + 1), patients[i]);

        var restarted = StartApp().CreateClient();
        var fourth = await restarted.SendAsync(Booking(await AccountTokenAsync(), TestCatalog.Session(4), patients[3], "after-restart"));

        Assert.Equal("409 account.daily_limit", $"{(int)fourth.StatusCode} {(await ProblemResponse.ReadAsync(fourth)).Code()}");
    }

    private static HttpRequestMessage Booking(string token, string sessionId, string patientId, string key)
    {
        var request = WithToken(HttpMethod.Post, "/api/appointments", token, new { sessionId, patientId });
        request.Headers.Add("Idempotency-Key", key);
        return request;
    }

    private async Task<string> AccountIdAsync() => (await Client.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/me")).GetProperty("id").GetString()!;

    private async Task<IEnumerable<string>> IdsAsync(string sql, object? parameters = null)
    {
        await using var connection = await Database.ConnectionFactory.OpenConnectionAsync();
        return (await Dapper.SqlMapper.QueryAsync<string>(connection, sql, parameters)).Order().ToList();
    }
}

public sealed class SqliteAccountBookingLimitContract(SqliteDatabaseFixture fixture) : AccountBookingLimitContract(fixture), IClassFixture<SqliteDatabaseFixture>;

[RequiresMariaDb]
public sealed class MariaDbAccountBookingLimitContract(MariaDbDatabaseFixture fixture) : AccountBookingLimitContract(fixture), IClassFixture<MariaDbDatabaseFixture>;
