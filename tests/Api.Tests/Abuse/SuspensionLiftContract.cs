using System.Net.Http.Json;
using System.Text.Json;
using Hospital.Grains.Abstractions.Accounts;
using Hospital.Grains.Abstractions.Booking;
using Hospital.TestSupport.Contracts;
using Hospital.TestSupport.Databases;
using Hospital.TestSupport.Hospital;
using Hospital.TestSupport.MariaDb;
using Microsoft.Extensions.DependencyInjection;

namespace Hospital.Api.Tests.Abuse;

/// <summary>
/// A no-show suspends the patient's bookings with the reason in plain Chinese; a hospital admin lifts it with a reason
/// (required), and the patient may book again.
/// </summary>
public abstract class SuspensionLiftContract(TestDatabaseFixture fixture) : AbuseContractBase(fixture)
{
    [ContractFact]
    public async Task LiftSuspension_AfterANoShow_LetsThePatientBookAgain()
    {
        var patient = await RegisterPatientAsync();
        await BookAsync(TestCatalog.Session(0), patient);
        Clock.Advance(TimeSpan.FromDays(1));
        await App.Services.GetRequiredService<IGrainFactory>().GetGrain<ISlotPoolGrain>(TestCatalog.Session(0)).MarkNoShowsAsync();

        var token = (await SignInAccountAsync(App, AccountPhone)).AccessToken; // yesterday's has expired

        var refused = await Client.SendAsync(Booking(token, TestCatalog.Session(2), patient, "k1"));
        var problem = await ProblemResponse.ReadAsync(refused);
        var lifted = await Client.SendAsync(Admin(HttpMethod.Post, $"/api/admin/patients/{patient}/suspension/lift", new { reason = "急诊住院" }));
        var held = await Client.SendAsync(Booking(token, TestCatalog.Session(2), patient, "k2"));

        Assert.Equal(["409 patient.suspended", "200", "201"], [$"409 {problem.Code()}", await AnswerAsync(lifted), await AnswerAsync(held)]);
        Assert.Contains("2026年12月23日起可以再次预约", problem.GetProperty("detail").GetString());
        var answer = await lifted.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("NoShows", "2026-12-23", "急诊住院", BookingActor.Staff($"test-{HospitalRoles.HospitalAdmin}")), (answer.GetProperty("cause").GetString(),
            answer.GetProperty("suspendedUntil").GetString(), answer.GetProperty("reason").GetString(), answer.GetProperty("liftedBy").GetString()));
    }

    [ContractFact]
    public async Task LiftSuspension_WithoutAReason_Is400_WhenNotSuspended409_AndOfAnUnknownPatient404()
    {
        var patient = await RegisterPatientAsync();

        var noReason = await Client.SendAsync(Admin(HttpMethod.Post, $"/api/admin/patients/{patient}/suspension/lift", new { reason = " " }));
        var notSuspended = await Client.SendAsync(Admin(HttpMethod.Post, $"/api/admin/patients/{patient}/suspension/lift", new { reason = "x" }));
        var unknown = await Client.SendAsync(Admin(HttpMethod.Post, "/api/admin/patients/no-such-patient/suspension/lift", new { reason = "x" }));

        Assert.Equal(["400 request.invalid", "409 patient.not_suspended", "404 patient.not_found"],
            [await AnswerAsync(noReason), await AnswerAsync(notSuspended), await AnswerAsync(unknown)]);
        Assert.Equal(0, await ScalarAsync("SELECT COUNT(*) FROM suspension_lifts"));
    }
}

public sealed class SqliteSuspensionLiftContract(SqliteDatabaseFixture fixture) : SuspensionLiftContract(fixture), IClassFixture<SqliteDatabaseFixture>;

[RequiresMariaDb]
public sealed class MariaDbSuspensionLiftContract(MariaDbDatabaseFixture fixture) : SuspensionLiftContract(fixture), IClassFixture<MariaDbDatabaseFixture>;
