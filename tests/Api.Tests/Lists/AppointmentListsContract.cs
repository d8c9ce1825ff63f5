using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hospital.Api.Tests.Hospital;
using Hospital.Grains.Abstractions.Accounts;
using Hospital.TestSupport.Contracts;
using Hospital.TestSupport.Databases;
using Hospital.TestSupport.Hospital;
using Hospital.TestSupport.MariaDb;

namespace Hospital.Api.Tests.Lists;

/// <summary>Finding appointments again (issue 22): a patient, their appointments, a session's appointments and an audit trail.</summary>
public abstract class AppointmentListsContract(TestDatabaseFixture fixture) : HospitalApiContractBase(fixture)
{
    [ContractFact]
    public async Task GetPatient_OnTheAccount_IsMasked_AndAnotherAccountsOrAnUnknownIdGetTheSame404()
    {
        var patient = await RegisterPatientAsync();
        var other = (await SignInAccountAsync(App, TestPhone(2))).AccessToken;

        var own = await Client.GetFromJsonAsync<JsonElement>($"/api/patients/{patient}");
        var foreign = await Client.SendAsync(WithToken(HttpMethod.Get, $"/api/patients/{patient}", other));
        var unknown = await Client.SendAsync(WithToken(HttpMethod.Get, "/api/patients/P0000000000000000", other));

        Assert.Equal((patient, "张*", "Self"), (own.GetProperty("id").GetString(), own.GetProperty("name").GetString(), own.GetProperty("relationship").GetString()));
        Assert.Matches(@"^\d\*+[\dX]$", own.GetProperty("idNumber").GetString());
        Assert.Equal("139****0000", own.GetProperty("phone").GetString()); // AccountPhone, masked
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (foreign.StatusCode, unknown.StatusCode));
        var (a, b) = (await ProblemResponse.ReadAsync(foreign), await ProblemResponse.ReadAsync(unknown));
        Assert.Equal(("patient.not_found", a.GetProperty("detail").GetString()), (b.Code(), b.GetProperty("detail").GetString()));
        Assert.Equal("patient.not_found", a.Code());
    }

    [ContractFact]
    public async Task ListPatientAppointments_PagesNewestVisitFirst_UntilTheCursorIsNull()
    {
        var patient = await RegisterPatientAsync();
        var held = new Dictionary<int, string>();
        foreach (var days in new[] { 1, 3, 2 }) held[days] = (await HoldAsync(TestCatalog.Session(days), patient)).Id;

        var first = await Client.GetFromJsonAsync<JsonElement>($"/api/patients/{patient}/appointments?pageSize=2");
        var cursor = first.GetProperty("nextCursor").GetString();
        var second = await Client.GetFromJsonAsync<JsonElement>($"/api/patients/{patient}/appointments?pageSize=2&cursor={Uri.EscapeDataString(cursor!)}");

        Assert.Equal([held[3], held[2]], Ids(first));
        Assert.Equal([held[1]], Ids(second));
        Assert.Equal(JsonValueKind.Null, second.GetProperty("nextCursor").ValueKind);
        var item = first.GetProperty("items")[0];
        Assert.Equal(("测试医生1", "心血管内科", "张*", "Held", "pending", "2026-11-26"),
            (item.GetProperty("doctorName").GetString(), item.GetProperty("departmentName").GetString(), item.GetProperty("patientName").GetString(),
             item.GetProperty("status").GetString(), item.GetProperty("fhirStatus").GetString(), item.GetProperty("visitDate").GetString()));
    }

    [ContractFact]
    public async Task ListPatientAppointments_FiltersByStatusAndByUpcomingOrPastOnTheHospitalsDate()
    {
        var patient = await RegisterPatientAsync();
        var booked = await BookAsync(TestCatalog.Session(1), patient);
        var held = await HoldAsync(TestCatalog.Session(3), patient);

        var byStatus = await Client.GetFromJsonAsync<JsonElement>($"/api/patients/{patient}/appointments?status=Booked&status=CheckedIn");
        Clock.Advance(TimeSpan.FromHours(42)); // to the day after session 1's visit, within the tokens' lifetime
        var past = await Client.GetFromJsonAsync<JsonElement>($"/api/patients/{patient}/appointments?when=past");
        var upcoming = await Client.GetFromJsonAsync<JsonElement>($"/api/patients/{patient}/appointments?when=upcoming");

        Assert.Equal([booked.Id], Ids(byStatus));
        Assert.Equal([booked.Id], Ids(past));
        Assert.Equal([held.Id], Ids(upcoming));
    }

    [ContractTheory]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=101", "pageSize")]
    [InlineData("pageSize=ten", "pageSize")]
    [InlineData("cursor=not-a-cursor", "cursor")]
    [InlineData("cursor=b28xOjE", "cursor")]
    [InlineData("status=Nope", "status")]
    [InlineData("status=1", "status")]
    [InlineData("when=later", "when")]
    public async Task ListPatientAppointments_WithABadQueryValue_Returns400NamingTheField(string query, string field)
    {
        var patient = await RegisterPatientAsync();

        var response = await Client.GetAsync($"/api/patients/{patient}/appointments?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ProblemResponse.ReadAsync(response);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [ContractFact]
    public async Task ListPatientAppointments_ForAdmins_ShowsADepartmentAdminOnlyTheirDepartments_AndOtherAccountsGet404()
    {
        var patient = await RegisterPatientAsync();
        var held = await HoldAsync(TestCatalog.Session(1), patient);
        var path = $"/api/patients/{patient}/appointments";

        var own = await Client.SendAsync(WithToken(HttpMethod.Get, path, TestTokens.Staff(Clock, HospitalRoles.DepartmentAdmin, [TestCatalog.DepartmentId])));
        var other = await Client.SendAsync(WithToken(HttpMethod.Get, path, TestTokens.Staff(Clock, HospitalRoles.DepartmentAdmin, [TestCatalog.DepartmentId + 1])));
        var clerk = await Client.SendAsync(WithToken(HttpMethod.Get, path, TestTokens.Staff(Clock, HospitalRoles.WindowClerk, [TestCatalog.DepartmentId])));
        var otherAccount = await Client.SendAsync(WithToken(HttpMethod.Get, path, (await SignInAccountAsync(App, TestPhone(2))).AccessToken));

        Assert.Equal([held.Id], Ids(await own.Content.ReadFromJsonAsync<JsonElement>()));
        Assert.Empty(Ids(await other.Content.ReadFromJsonAsync<JsonElement>()));
        Assert.Equal(HttpStatusCode.Forbidden, clerk.StatusCode);
        Assert.Equal("patient.not_found", (await ProblemResponse.ReadAsync(otherAccount)).Code());
    }

    [ContractFact]
    public async Task ListSessionAppointments_InSlotOrderMaskedAndPaged_ForTheSessionsDoctorOnly()
    {
        var session = TestCatalog.Session(1, TestCatalog.SharedDoctor);
        var patients = await RegisterPatientsAsync(App, 3);
        var held = new List<string>();
        foreach (var patient in patients) held.Add((await HoldAsync(session, patient)).Id);
        var doctor = TestTokens.Staff(Clock, HospitalRoles.Doctor, [TestCatalog.DepartmentId], TestCatalog.SharedDoctor);

        var first = await (await Client.SendAsync(WithToken(HttpMethod.Get, $"/api/sessions/{session}/appointments?pageSize=2", doctor))).Content.ReadFromJsonAsync<JsonElement>();
        var next = Uri.EscapeDataString(first.GetProperty("nextCursor").GetString()!);
        var second = await (await Client.SendAsync(WithToken(HttpMethod.Get, $"/api/sessions/{session}/appointments?pageSize=2&cursor={next}", doctor))).Content.ReadFromJsonAsync<JsonElement>();
        var otherDoctor = await Client.SendAsync(WithToken(HttpMethod.Get, $"/api/sessions/{session}/appointments",
            TestTokens.Staff(Clock, HospitalRoles.Doctor, [TestCatalog.DepartmentId], TestCatalog.AppOnlyDoctor)));
        var unknown = await Client.SendAsync(WithToken(HttpMethod.Get, $"/api/sessions/{TestCatalog.Session(40)}/appointments", TestTokens.HospitalAdmin(Clock)));

        var items = first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray()).ToList();
        Assert.Equal(held.Order(), items.Select(i => i.GetProperty("id").GetString()!).Order());
        Assert.Equal(items.Select(i => i.GetProperty("slotNo").GetInt32()).Order(), items.Select(i => i.GetProperty("slotNo").GetInt32()));
        Assert.All(items, i => Assert.Matches(@"^患\*+$", i.GetProperty("patientName").GetString()));
        Assert.All(items, i => Assert.Equal("138****8000", i.GetProperty("patientPhone").GetString()));
        Assert.Equal(JsonValueKind.Null, second.GetProperty("nextCursor").ValueKind);
        Assert.Equal("auth.session_scope", (await ProblemResponse.ReadAsync(otherDoctor)).Code());
        Assert.Equal("session.not_found", (await ProblemResponse.ReadAsync(unknown)).Code());
    }

    [ContractFact]
    public async Task GetAudit_ListsEveryTransitionWithItsActor_ForStaffWhoMayReadTheAppointment()
    {
        var patient = await RegisterPatientAsync();
        var booked = await BookAsync(TestCatalog.Session(1), patient);
        var path = $"/api/appointments/{booked.Id}/audit";

        var trail = await Client.SendAsync(WithToken(HttpMethod.Get, path, TestTokens.Staff(Clock, HospitalRoles.DepartmentAdmin, [TestCatalog.DepartmentId])));
        var otherAdmin = await Client.SendAsync(WithToken(HttpMethod.Get, path, TestTokens.Staff(Clock, HospitalRoles.DepartmentAdmin, [TestCatalog.DepartmentId + 1])));
        var ownAccount = await Client.GetAsync(path);

        var rows = (await trail.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().ToList();
        Assert.Equal([(null, "Held"), ("Held", "Booked")], rows.Select(r => (r.GetProperty("from").GetString(), r.GetProperty("to").GetString())));
        Assert.StartsWith("account:", rows[0].GetProperty("actor").GetString());
        Assert.All(rows, r => Assert.False(string.IsNullOrEmpty(r.GetProperty("actor").GetString())));
        Assert.All(rows, r => Assert.False(string.IsNullOrEmpty(r.GetProperty("reason").GetString())));
        Assert.Equal("appointment.not_found", (await ProblemResponse.ReadAsync(otherAdmin)).Code());
        Assert.Equal(HttpStatusCode.Forbidden, ownAccount.StatusCode);
    }

    [ContractFact]
    public async Task GetAudit_OfAPastAppointment_OutsideTheBrowsingWindow_IsStillReadByStaff()
    {
        var patient = await RegisterPatientAsync();
        var booked = await BookAsync(TestCatalog.Session(1), patient);
        Clock.Advance(TimeSpan.FromHours(42)); // to the day after the visit, within the tokens' lifetime
        // Any catalog change plans again, and the new window starts after the visit.
        (await Client.SendAsync(Admin(HttpMethod.Put, "/api/admin/rooms/2A-09", new { departmentId = TestCatalog.DepartmentId, location = "2层" }))).EnsureSuccessStatusCode();

        var staff = TestTokens.Staff(Clock, HospitalRoles.Doctor, [TestCatalog.DepartmentId], TestCatalog.AppOnlyDoctor);

        // Held, Booked, then NoShow: nobody checked in, so the session's end makes it a no-show (NoShowSweep, woken by the clock).
        var trail = await Eventually.ReturnsAsync(async () =>
        {
            var answer = await Client.SendAsync(WithToken(HttpMethod.Get, $"/api/appointments/{booked.Id}/audit", staff));
            return (answer.StatusCode, To: (await answer.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray()
                .Select(e => e.GetProperty("to").GetString()!).ToArray());
        }, t => t.To.Length == 3);

        Assert.Equal(HttpStatusCode.OK, trail.StatusCode);
        Assert.Equal(["Held", "Booked", "NoShow"], trail.To);
    }

    private static List<string> Ids(JsonElement page) => [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!)];
}

public sealed class SqliteAppointmentListsContract(SqliteDatabaseFixture fixture) : AppointmentListsContract(fixture), IClassFixture<SqliteDatabaseFixture>;

[RequiresMariaDb]
public sealed class MariaDbAppointmentListsContract(MariaDbDatabaseFixture fixture) : AppointmentListsContract(fixture), IClassFixture<MariaDbDatabaseFixture>;
