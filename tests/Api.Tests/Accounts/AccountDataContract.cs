using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hospital.Api.Tests.Hospital;
using Hospital.TestSupport.Contracts;
using Hospital.TestSupport.Databases;
using Hospital.TestSupport.Hospital;
using Hospital.TestSupport.MariaDb;

namespace Hospital.Api.Tests.Accounts;

/// <summary>An account exports its data and closes itself; its patients' appointments stay with the hospital, valid for the patient.</summary>
public abstract class AccountDataContract(TestDatabaseFixture fixture) : AccountsContractBase(fixture)
{
    [ContractFact]
    public async Task Export_HoldsTheAccountAndItsPatientsUnmaskedWithTheirAppointments()
    {
        var patient = await RegisterPatientAsync();
        var held = await HoldAsync(TestCatalog.Session(1), patient);

        var export = await Client.GetFromJsonAsync<JsonElement>("/api/me/export");

        Assert.Equal(AccountPhone, export.GetProperty("phone").GetString());
        var exported = Assert.Single(export.GetProperty("patients").EnumerateArray());
        Assert.Equal(("张三", AccountPhone, "Self"), (exported.GetProperty("record").GetProperty("name").GetString(),
            exported.GetProperty("record").GetProperty("phone").GetString(), exported.GetProperty("relationship").GetString()));
        Assert.Equal(held.Id, Assert.Single(exported.GetProperty("appointments").EnumerateArray()).GetProperty("id").GetString());
    }

    [ContractFact]
    public async Task Close_RevokesTokensAndDetachesPatients_KeepsTheirBookingsValid_AndThePhoneSignsUpAsAFreshAccount()
    {
        var phone = TestPhone(80);
        var tokens = await LoginAsync(Client, phone);
        var patient = await AddSelfAsync(tokens.AccessToken, phone);
        var daughter = (await SignInAccountAsync(App, TestPhone(81))).AccessToken;
        var visitCode = (await (await SendAsync(Client, HttpMethod.Get, $"/api/patients/{patient}/visit-code", tokens.AccessToken))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("visitCode").GetString();
        await SendAsync(Client, HttpMethod.Post, "/api/patients", daughter,
            new { name = "王五", idNumber = TestIdNumbers.Number(8), phone, relationship = "Parent", visitCode });
        var booking = WithToken(HttpMethod.Post, "/api/appointments", tokens.AccessToken, new { sessionId = TestCatalog.Session(1), patientId = patient });
        booking.Headers.Add("Idempotency-Key", "before-closing");
        var booked = await Client.SendAsync(booking);
        var appointment = (await booked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var before = await ScalarAsync("SELECT COUNT(*) FROM appointments");
        var accountId = await AccountIdAsync(tokens.AccessToken);

        var closed = await SendAsync(Client, HttpMethod.Delete, "/api/me", tokens.AccessToken);
        var refresh = await RefreshAsync(Client, tokens.RefreshToken);
        var list = await SendAsync(Client, HttpMethod.Get, "/api/patients", tokens.AccessToken);
        Clock.Advance(TimeSpan.FromMinutes(1)); // the phone's next login code may go out a minute after the last
        var fresh = await LoginAsync(Client, phone);
        var freshList = await (await SendAsync(Client, HttpMethod.Get, "/api/patients", fresh.AccessToken)).Content.ReadFromJsonAsync<JsonElement[]>();
        var seenByDaughter = await SendAsync(Client, HttpMethod.Get, $"/api/appointments/{appointment}", daughter);

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.NoContent), (booked.StatusCode, closed.StatusCode));
        Assert.Equal(HttpStatusCode.Unauthorized, refresh.StatusCode);
        Assert.Equal("404 account.not_found", $"{(int)list.StatusCode} {(await ProblemResponse.ReadAsync(list)).Code()}");
        Assert.Empty(freshList!);
        Assert.Equal(HttpStatusCode.OK, seenByDaughter.StatusCode);
        Assert.Equal(before, await ScalarAsync("SELECT COUNT(*) FROM appointments"));
        Assert.Equal(1, await ScalarAsync("SELECT COUNT(*) FROM account_patients WHERE patient_id = @patient", new { patient }));
        Assert.Equal(0, await ScalarAsync("SELECT COUNT(*) FROM refresh_tokens WHERE subject_id = @accountId AND revoked_at IS NULL", new { accountId }));
        Assert.NotEqual(accountId, await AccountIdAsync(fresh.AccessToken));
    }

    private async Task<string> AccountIdAsync(string token) =>
        (await (await SendAsync(Client, HttpMethod.Get, "/api/me", token)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

    private async Task<string> AddSelfAsync(string token, string phone)
    {
        var added = await SendAsync(Client, HttpMethod.Post, "/api/patients", token,
            new { name = "王五", idNumber = TestIdNumbers.Number(8), phone, relationship = "Self" });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        return (await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }
}

public sealed class SqliteAccountDataContract(SqliteDatabaseFixture fixture) : AccountDataContract(fixture), IClassFixture<SqliteDatabaseFixture>;

[RequiresMariaDb]
public sealed class MariaDbAccountDataContract(MariaDbDatabaseFixture fixture) : AccountDataContract(fixture), IClassFixture<MariaDbDatabaseFixture>;
