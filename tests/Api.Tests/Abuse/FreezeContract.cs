using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Hospital.Api.Tests.Hospital;
using Hospital.Grains.Abstractions.Accounts;
using Hospital.Grains.Abstractions.Booking;
using Hospital.TestSupport.Contracts;
using Hospital.TestSupport.Databases;
using Hospital.TestSupport.Hospital;
using Hospital.TestSupport.MariaDb;

namespace Hospital.Api.Tests.Abuse;

/// <summary>
/// Hospital admins freeze and unfreeze accounts and patients with a reason and an audit row; a frozen account cannot hold and
/// a frozen patient cannot be booked for by anyone, on any node, after a restart too.
/// </summary>
public abstract class FreezeContract(TestDatabaseFixture fixture) : AbuseContractBase(fixture)
{
    private static readonly string AdminActor = BookingActor.Staff($"test-{HospitalRoles.HospitalAdmin}");

    [ContractFact]
    public async Task FreezeAccount_RefusesItsHoldsUntilUnfrozen_AndAuditsEachChangeWithTheAdmin()
    {
        var patient = await RegisterPatientAsync();
        var accountId = await AccountIdAsync(Client, await AccountTokenAsync());

        var frozen = await Client.SendAsync(Admin(HttpMethod.Post, $"/api/admin/accounts/{accountId}/freeze", new { reason = "phone farm at the 07:00 release" }));
        var refused = await PostAppointmentAsync(Client, TestCatalog.Session(1), patient, "k1");
        var unfrozen = await Client.SendAsync(Admin(HttpMethod.Post, $"/api/admin/accounts/{accountId}/unfreeze", new { reason = "checked at the window" }));
        var held = await PostAppointmentAsync(Client, TestCatalog.Session(1), patient, "k2");

        Assert.Equal(["200", "409 account.frozen", "200", "201"], [await AnswerAsync(frozen), await AnswerAsync(refused), await AnswerAsync(unfrozen), await AnswerAsync(held)]);
        var answer = await frozen.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("Account", accountId, true, AdminActor), (answer.GetProperty("subject").GetString(), answer.GetProperty("id").GetString(),
            answer.GetProperty("frozen").GetBoolean(), answer.GetProperty("changedBy").GetString()));
        Assert.Equal([$"Account {accountId} frozen phone farm at the 07:00 release {AdminActor}", $"Account {accountId} unfrozen checked at the window {AdminActor}"],
            await AuditAsync());
    }

    [ContractFact]
    public async Task FreezePatient_RefusesAClerksBookingAndTheAccountsAlike()
    {
        var patient = await RegisterPatientAsync();
        var clerk = TestTokens.Staff(Clock, HospitalRoles.WindowClerk, [TestCatalog.DepartmentId]);

        var frozen = await Client.SendAsync(Admin(HttpMethod.Post, $"/api/admin/patients/{patient}/freeze", new { reason = "ID lent to a scalper" }));
        var byClerk = await Client.SendAsync(BookingAs(clerk, TestCatalog.Session(1, TestCatalog.SharedDoctor), patient, BookingChannel.PhoneWindow, "clerk-1"));
        var byAccount = await PostAppointmentAsync(Client, TestCatalog.Session(2), patient, "k1");

        Assert.Equal(["200", "409 patient.frozen", "409 patient.frozen"], [await AnswerAsync(frozen), await AnswerAsync(byClerk), await AnswerAsync(byAccount)]);
        Assert.Equal([$"Patient {patient} frozen ID lent to a scalper {AdminActor}"], await AuditAsync());
        Assert.Equal(0, await ScalarAsync("SELECT COUNT(*) FROM appointments"));
    }

    [ContractFact]
    public async Task FreezeAccount_RefusesToMoveItsBooking()
    {
        var patient = await RegisterPatientAsync();
        var booked = await BookAsync(TestCatalog.Session(1), patient);
        await Client.SendAsync(Admin(HttpMethod.Post, $"/api/admin/accounts/{await AccountIdAsync(Client, await AccountTokenAsync())}/freeze", new { reason = "resale" }));

        var request = WithToken(HttpMethod.Post, $"/api/appointments/{booked.Id}/reschedule", await AccountTokenAsync(), new { sessionId = TestCatalog.Session(2) });
        request.Headers.Add("Idempotency-Key", "move-1");
        var refused = await Client.SendAsync(request);

        Assert.Equal("409 account.frozen", await AnswerAsync(refused));
        Assert.Equal([("Booked", booked.Id)], (await AppointmentRowsAsync(TestCatalog.Session(1))).Select(r => (r.Status, r.Id)));
    }

    [ContractFact]
    public async Task FreezeAccount_HoldsOnANodeStartedAfterIt()
    {
        var patient = await RegisterPatientAsync();
        var token = await AccountTokenAsync();
        await Client.SendAsync(Admin(HttpMethod.Post, $"/api/admin/accounts/{await AccountIdAsync(Client, token)}/freeze", new { reason = "phone farm" }));

        var restarted = StartApp().CreateClient();
        var refused = await restarted.SendAsync(Booking(token, TestCatalog.Session(1), patient, "after-restart"));

        Assert.Equal("409 account.frozen", await AnswerAsync(refused));
    }

    [ContractFact]
    public async Task FreezeAccount_AmidConcurrentHolds_EveryAnswerAgreesWithTheRows_AndEveryHoldAfterItIsRefused()
    {
        var patients = new List<string>();
        for (var i = 1; i <= 3; i++) patients.Add(await RegisterPatientAsync(i));
        var token = await AccountTokenAsync();
        var accountId = await AccountIdAsync(Client, token);
        Task<HttpResponseMessage> Hold(int n) => Task.Run(() => Client.SendAsync(Booking(token, TestCatalog.Session(1 + n % 7), patients[n % 3], $"k-{n}")));

        var during = Enumerable.Range(0, 6).Select(Hold).ToList();
        var freeze = Task.Run(() => Client.SendAsync(Admin(HttpMethod.Post, $"/api/admin/accounts/{accountId}/freeze", new { reason = "burst from one device" })));
        var duringAnswers = await Task.WhenAll((await Task.WhenAll(during)).Select(AnswerAsync));
        Assert.Equal("200", await AnswerAsync(await freeze));
        var afterAnswers = await Task.WhenAll((await Task.WhenAll(Enumerable.Range(6, 8).Select(Hold))).Select(AnswerAsync));

        Assert.All(duringAnswers, a => Assert.Contains(a, new[] { "201", "409 account.frozen", "409 account.daily_limit", "409 patient.already_booked" }));
        Assert.Equal(duringAnswers.Count(a => a == "201"), await ScalarAsync("SELECT COUNT(*) FROM appointments"));
        Assert.All(afterAnswers, a => Assert.Equal("409 account.frozen", a));
    }

    [ContractFact]
    public async Task Freeze_WithoutAReason_Is400_AndOfAnUnknownAccount404_ChangingNothing()
    {
        var patient = await RegisterPatientAsync();
        var accountId = await AccountIdAsync(Client, await AccountTokenAsync());

        var noReason = await Client.SendAsync(Admin(HttpMethod.Post, $"/api/admin/accounts/{accountId}/freeze", new { reason = "  " }));
        var unknown = await Client.SendAsync(Admin(HttpMethod.Post, "/api/admin/accounts/no-such-account/freeze", new { reason = "x" }));
        var unknownPatient = await Client.SendAsync(Admin(HttpMethod.Post, "/api/admin/patients/no-such-patient/freeze", new { reason = "x" }));
        var blankPatient = await Client.SendAsync(Admin(HttpMethod.Post, "/api/admin/patients/%20/freeze", new { reason = "x" }));

        Assert.Equal(["400 request.invalid", "404 account.not_found", "404 patient.not_found", "404 patient.not_found"],
            [await AnswerAsync(noReason), await AnswerAsync(unknown), await AnswerAsync(unknownPatient), await AnswerAsync(blankPatient)]);
        Assert.Empty(await AuditAsync());
        Assert.Equal("201", await AnswerAsync(await PostAppointmentAsync(Client, TestCatalog.Session(1), patient, "k1")));
    }

    /// <summary>The freeze audit rows, oldest first, as "subject id frozen|unfrozen reason actor".</summary>
    private async Task<List<string>> AuditAsync()
    {
        await using var connection = await Database.ConnectionFactory.OpenConnectionAsync();
        var rows = await connection.QueryAsync<AuditRow>(
            "SELECT subject_kind AS Subject, subject_id AS Id, frozen AS Frozen, reason AS Reason, actor AS Actor FROM freeze_audit ORDER BY id");
        return [.. rows.Select(r => $"{r.Subject} {r.Id} {(r.Frozen ? "frozen" : "unfrozen")} {r.Reason} {r.Actor}")];
    }

    private sealed class AuditRow
    {
        public string Subject { get; set; } = "";
        public string Id { get; set; } = "";
        public bool Frozen { get; set; }
        public string Reason { get; set; } = "";
        public string Actor { get; set; } = "";
    }
}

public sealed class SqliteFreezeContract(SqliteDatabaseFixture fixture) : FreezeContract(fixture), IClassFixture<SqliteDatabaseFixture>;

[RequiresMariaDb]
public sealed class MariaDbFreezeContract(MariaDbDatabaseFixture fixture) : FreezeContract(fixture), IClassFixture<MariaDbDatabaseFixture>;
