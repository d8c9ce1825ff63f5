using System.Net;
using System.Net.Http.Json;
using Hospital.Grains.Abstractions.Booking;
using Hospital.Grains.Abstractions.Waitlists;
using Hospital.TestSupport.Contracts;
using Hospital.TestSupport.Databases;
using Hospital.TestSupport.Hospital;
using Hospital.TestSupport.MariaDb;
using Microsoft.Extensions.DependencyInjection;
using Orleans;

namespace Hospital.Api.Tests.Hospital;

/// <summary>Waitlists (候补) through HTTP: joining only a sold-out session, the limits, the list, the place, leaving, and an offer refused by a limit.</summary>
public abstract class WaitlistContract(TestDatabaseFixture fixture) : HospitalApiContractBase(fixture)
{
    [ContractFact]
    public async Task Join_WhileSlotsAreFree_Answers409ToBookInsteadAndWritesNothing()
    {
        var patient = await RegisterPatientAsync();

        var refused = await JoinAsync(patient, TestCatalog.Session(1));

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("waitlist.slots_free", (await ProblemResponse.ReadAsync(refused)).Code());
        Assert.Equal(0, await ScalarAsync("SELECT COUNT(*) FROM waitlist_entries"));
    }

    [ContractFact]
    public async Task ASoldOutSession_PointsToItsWaitlist_WhichListsShowsAndLeaves()
    {
        var patient = await RegisterPatientAsync();
        var session = TestCatalog.Session(1);
        await FillAsync(session);

        var soldOut = await PostAppointmentAsync(Client, session, patient, "late");
        var joined = await JoinAsync(patient, session);
        var again = await JoinAsync(patient, session);
        var list = await Client.GetFromJsonAsync<List<WaitlistEntryView>>($"/api/patients/{patient}/waitlists", Json);
        var place = await Client.GetFromJsonAsync<WaitlistEntryView>($"/api/patients/{patient}/waitlists/{session}", Json);
        var left = await Client.DeleteAsync($"/api/patients/{patient}/waitlists/{session}");
        var afterwards = await Client.GetFromJsonAsync<List<WaitlistEntryView>>($"/api/patients/{patient}/waitlists", Json);

        Assert.Contains("waitlist", (await ProblemResponse.ReadAsync(soldOut)).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Created, joined.StatusCode);
        Assert.Equal($"/api/patients/{patient}/waitlists/{session}", joined.Headers.Location?.OriginalString);
        var entry = (await joined.Content.ReadFromJsonAsync<WaitlistEntryView>(Json))!;
        Assert.Equal((WaitlistStatus.Waiting, 1), (entry.Status, entry.Position));
        Assert.Equal(entry, (await again.Content.ReadFromJsonAsync<WaitlistEntryView>(Json))!);
        Assert.Equal([entry], list!);
        Assert.Equal(entry, place);
        Assert.Equal(WaitlistStatus.Left, (await left.Content.ReadFromJsonAsync<WaitlistEntryView>(Json))!.Status);
        Assert.Empty(afterwards!);
        Assert.Equal(1, await ScalarAsync("SELECT COUNT(*) FROM waitlist_entries WHERE status = 'Left'"));
    }

    [ContractFact]
    public async Task Join_BeyondThreeSessionsOrOnADayBookedInTheDepartment_IsRefused()
    {
        var patient = await RegisterPatientAsync();
        for (var day = 1; day <= 4; day++) await FillAsync(TestCatalog.Session(day));
        foreach (var day in new[] { 1, 2, 3 }) Assert.Equal(HttpStatusCode.Created, (await JoinAsync(patient, TestCatalog.Session(day))).StatusCode);

        var fourth = await JoinAsync(patient, TestCatalog.Session(4));
        await Client.DeleteAsync($"/api/patients/{patient}/waitlists/{TestCatalog.Session(1)}");
        await BookAsync(TestCatalog.Session(1, TestCatalog.SharedDoctor), patient);
        var sameDay = await JoinAsync(patient, TestCatalog.Session(1));
        var afterLeaving = await JoinAsync(patient, TestCatalog.Session(4));

        Assert.Equal("patient.already_booked", (await ProblemResponse.ReadAsync(sameDay)).Code());
        Assert.Equal("patient.waitlist_limit", (await ProblemResponse.ReadAsync(fourth)).Code());
        Assert.Equal(HttpStatusCode.Created, afterLeaving.StatusCode);
    }

    [ContractFact]
    public async Task Join_WithBadInputOrAnotherAccountsPatient_IsRefusedAndWritesNothing()
    {
        var patient = await RegisterPatientAsync();
        var (_, otherToken) = await SignInAccountAsync(App, TestPhone(7));

        var missing = await Client.PostAsJsonAsync($"/api/patients/{patient}/waitlists", new { sessionId = (string?)null });
        var unknown = await JoinAsync(patient, "D9999-20261124-AM");
        var notTheirs = await Client.SendAsync(WithToken(HttpMethod.Post, $"/api/patients/{patient}/waitlists", otherToken, new { sessionId = TestCatalog.Session(1) }));
        var noPlace = await Client.GetAsync($"/api/patients/{patient}/waitlists/{TestCatalog.Session(1)}");

        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal("session.not_found", (await ProblemResponse.ReadAsync(unknown)).Code());
        Assert.Equal("patient.not_found", (await ProblemResponse.ReadAsync(notTheirs)).Code());
        Assert.Equal("waitlist.not_found", (await ProblemResponse.ReadAsync(noPlace)).Code());
        Assert.Equal(0, await ScalarAsync("SELECT COUNT(*) FROM waitlist_entries"));
    }

    [ContractFact]
    public async Task AnOffer_CountsLikeABooking_AndIsPassedOnWhenThePatientBookedTheDepartmentThatDayMeanwhile()
    {
        var first = await RegisterPatientAsync(1);
        var second = await RegisterPatientAsync(2);
        var session = TestCatalog.Session(1);
        var fillers = await FillAsync(session);
        await JoinAsync(first, session);
        await JoinAsync(second, session);
        await BookAsync(TestCatalog.Session(1, TestCatalog.SharedDoctor), first);

        await Pool(session).CancelAsync(fillers[0].Id, fillers[0].PatientId, "plans changed");
        var offered = await Eventually.ReturnsAsync(() => Pool(session).GetWaitlistPlaceAsync(second), p => p.Status == WaitlistStatus.Offered);

        Assert.Equal(WaitlistStatus.Offered, offered.Status);
        Assert.Equal(WaitlistStatus.Skipped, (await Client.GetFromJsonAsync<WaitlistEntryView>($"/api/patients/{first}/waitlists/{session}", Json))!.Status);
        Assert.Equal(1, await ScalarAsync("SELECT COUNT(*) FROM notifications WHERE patient_id = @first AND kind = 'waitlist.skipped'", new { first }));
        var hold = await Client.GetFromJsonAsync<AppointmentView>($"/api/appointments/{offered.Id}", Json);
        Assert.Equal((second, AppointmentStatus.Held, fillers[0].SlotNo), (hold!.PatientId, hold.Status, hold.SlotNo));
        // The offer counts against the patient's one booking per department and day, like any hold.
        var another = await PostAppointmentAsync(Client, TestCatalog.Session(1, TestCatalog.SharedDoctor), second, "second-booking");
        Assert.Equal("patient.already_booked", (await ProblemResponse.ReadAsync(another)).Code());
        Assert.Equal(HttpStatusCode.OK, (await Client.PostAsync($"/api/appointments/{offered.Id}/pay", null)).StatusCode);
    }

    [ContractFact]
    public async Task Join_ByAFrozenAccount_IsRefusedAndWritesNothing()
    {
        var patient = await RegisterPatientAsync();
        var session = TestCatalog.Session(1);
        await FillAsync(session);
        var accountId = (await Client.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/me")).GetProperty("id").GetString()!;
        (await Client.SendAsync(Admin(HttpMethod.Post, $"/api/admin/accounts/{accountId}/freeze", new { reason = "phone farm" }))).EnsureSuccessStatusCode();

        var refused = await JoinAsync(patient, session);

        Assert.Equal((HttpStatusCode.Conflict, "account.frozen"), (refused.StatusCode, (await ProblemResponse.ReadAsync(refused)).Code()));
        Assert.Equal(0, await ScalarAsync("SELECT COUNT(*) FROM waitlist_entries"));
    }

    private Task<HttpResponseMessage> JoinAsync(string patientId, string sessionId) =>
        Client.PostAsJsonAsync($"/api/patients/{patientId}/waitlists", new { sessionId });

    private ISlotPoolGrain Pool(string sessionId) => App.Services.GetRequiredService<IGrainFactory>().GetGrain<ISlotPoolGrain>(sessionId);

    /// <summary>Books every slot of an app-only session straight through its pool, each for a filler patient of its own.</summary>
    private async Task<AppointmentView[]> FillAsync(string sessionId) =>
        await Task.WhenAll(Enumerable.Range(1, TestCatalog.Quota).Select(async i =>
        {
            var filler = $"F{i:D2}";
            var held = (await Pool(sessionId).HoldSlotAsync(new HoldRequest(TestAppointmentIds.Of(sessionId, filler, "fill"), filler, BookingChannel.App, null, filler))).Appointment!;
            return await Pool(sessionId).ConfirmPaymentAsync(held.Id, $"pay-{sessionId}-{i}", "account:A-test");
        }));
}

public sealed class SqliteWaitlistContract(SqliteDatabaseFixture fixture) : WaitlistContract(fixture), IClassFixture<SqliteDatabaseFixture>;

[RequiresMariaDb]
public sealed class MariaDbWaitlistContract(MariaDbDatabaseFixture fixture) : WaitlistContract(fixture), IClassFixture<MariaDbDatabaseFixture>;
