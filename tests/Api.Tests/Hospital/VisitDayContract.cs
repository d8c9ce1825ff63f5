using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hospital.Grains.Abstractions.Accounts;
using Hospital.Grains.Abstractions.Booking;
using Hospital.TestSupport.Contracts;
using Hospital.TestSupport.Databases;
using Hospital.TestSupport.Hospital;
using Hospital.TestSupport.MariaDb;

namespace Hospital.Api.Tests.Hospital;

/// <summary>Check-in at the window and the doctor's workstation through HTTP, with real tokens and a patient's real visit code.</summary>
public abstract class VisitDayContract(TestDatabaseFixture fixture) : HospitalApiContractBase(fixture)
{
    [ContractFact]
    public async Task CheckIn_ThenCallStartAndComplete_MovesTheVisitAndShowsTheMaskedQueue()
    {
        var (booked, code) = await BookTodayAsync();
        Clock.Advance(TimeSpan.FromHours(1)); // 07:30; slot 1 is at 08:00
        var clerk = TestTokens.Staff(Clock, HospitalRoles.WindowClerk, [TestCatalog.DepartmentId]);
        var doctor = TestTokens.Staff(Clock, HospitalRoles.Doctor, [TestCatalog.DepartmentId], TestCatalog.AppOnlyDoctor);

        var checkedIn = await SendAsync(HttpMethod.Post, "/api/check-in", clerk, new { appointmentId = booked.Id, visitCode = code });
        var sessions = await SendAsync(HttpMethod.Get, "/api/doctor/sessions", doctor);
        var queue = await SendAsync(HttpMethod.Get, $"/api/doctor/sessions/{booked.SessionId}/queue", doctor);
        var called = await SendAsync(HttpMethod.Post, $"/api/doctor/sessions/{booked.SessionId}/queue/next", doctor);
        var started = await SendAsync(HttpMethod.Post, $"/api/doctor/appointments/{booked.Id}/start", doctor);
        var completed = await SendAsync(HttpMethod.Post, $"/api/doctor/appointments/{booked.Id}/complete", doctor);

        Assert.Equal("CheckedIn", (await Ok(checkedIn)).GetProperty("status").GetString());
        Assert.Contains(booked.SessionId, (await Ok(sessions)).EnumerateArray().Select(s => s.GetProperty("sessionId").GetString()));
        var waiting = Assert.Single((await Ok(queue)).GetProperty("waiting").EnumerateArray());
        Assert.Equal("张*", waiting.GetProperty("patientName").GetString());
        Assert.Equal(booked.Id, (await Ok(called)).GetProperty("calling").GetProperty("appointmentId").GetString());
        Assert.Equal("InVisit", (await Ok(started)).GetProperty("status").GetString());
        Assert.Equal("Completed", (await Ok(completed)).GetProperty("status").GetString());
        Assert.Equal(2, await ScalarAsync("SELECT COUNT(*) FROM appointment_audit WHERE appointment_id = @Id AND actor = @Actor " +
            "AND to_status IN ('InVisit', 'Completed')", new { booked.Id, Actor = $"test-{HospitalRoles.Doctor}" }));
    }

    [ContractFact]
    public async Task CheckIn_WithAWrongCodeOrNone_IsRefusedAndChangesNothing()
    {
        var (booked, code) = await BookTodayAsync();
        Clock.Advance(TimeSpan.FromHours(1));
        var clerk = TestTokens.Staff(Clock, HospitalRoles.WindowClerk, [TestCatalog.DepartmentId]);
        var otherClerk = TestTokens.Staff(Clock, HospitalRoles.WindowClerk, [TestCatalog.DepartmentId + 1]);

        var wrong = await SendAsync(HttpMethod.Post, "/api/check-in", clerk, new { appointmentId = booked.Id, visitCode = code == "AAAAAAAA" ? "BBBBBBBB" : "AAAAAAAA" });
        var none = await SendAsync(HttpMethod.Post, "/api/check-in", clerk, new { appointmentId = booked.Id });
        var elsewhere = await SendAsync(HttpMethod.Post, "/api/check-in", otherClerk, new { appointmentId = booked.Id, visitCode = code });

        Assert.Equal((HttpStatusCode.Conflict, "checkin.wrong_patient"), (wrong.StatusCode, (await ProblemResponse.ReadAsync(wrong)).Code()));
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        Assert.Equal((HttpStatusCode.NotFound, "appointment.not_found"), (elsewhere.StatusCode, (await ProblemResponse.ReadAsync(elsewhere)).Code()));
        Assert.Equal("Booked", (await AppointmentRowsAsync(booked.SessionId)).Single().Status);
    }

    [ContractFact]
    public async Task CheckIn_AtAKioskWithTheCodeAlone_ChecksInTodaysBooking()
    {
        var (booked, code) = await BookTodayAsync();
        Clock.Advance(TimeSpan.FromHours(1));
        var kiosk = TestTokens.Staff(Clock, HospitalRoles.WindowClerk, [TestCatalog.DepartmentId]);

        var unknown = await SendAsync(HttpMethod.Post, "/api/check-in", kiosk, new { visitCode = code == "AAAAAAAA" ? "BBBBBBBB" : "AAAAAAAA" });
        var checkedIn = await SendAsync(HttpMethod.Post, "/api/check-in", kiosk, new { visitCode = code });

        Assert.Equal((HttpStatusCode.NotFound, "checkin.no_booking_today"), (unknown.StatusCode, (await ProblemResponse.ReadAsync(unknown)).Code()));
        var view = await Ok(checkedIn);
        Assert.Equal((booked.Id, "CheckedIn"), (view.GetProperty("id").GetString(), view.GetProperty("status").GetString()));
    }

    [ContractFact]
    public async Task Workstation_OtherDoctorsAndAdmins_SeeOrActOnlyAsAllowed()
    {
        var (booked, _) = await BookTodayAsync();
        var otherDoctor = TestTokens.Staff(Clock, HospitalRoles.Doctor, [TestCatalog.DepartmentId], TestCatalog.SharedDoctor);
        var admin = TestTokens.Staff(Clock, HospitalRoles.DepartmentAdmin, [TestCatalog.DepartmentId]);
        var queuePath = $"/api/doctor/sessions/{booked.SessionId}/queue";

        var otherReads = await SendAsync(HttpMethod.Get, queuePath, otherDoctor);
        var otherStarts = await SendAsync(HttpMethod.Post, $"/api/doctor/appointments/{booked.Id}/start", otherDoctor);
        var otherSessions = await Ok(await SendAsync(HttpMethod.Get, "/api/doctor/sessions", otherDoctor));
        var adminReads = await SendAsync(HttpMethod.Get, queuePath, admin);
        var adminCalls = await SendAsync(HttpMethod.Post, $"{queuePath}/next", admin);

        Assert.Equal(HttpStatusCode.Forbidden, otherReads.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherStarts.StatusCode);
        Assert.DoesNotContain(booked.SessionId, otherSessions.EnumerateArray().Select(s => s.GetProperty("sessionId").GetString()));
        Assert.Equal(HttpStatusCode.OK, adminReads.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, adminCalls.StatusCode);
        Assert.Equal("Booked", (await AppointmentRowsAsync(booked.SessionId)).Single().Status);
    }

    /// <summary>A patient of the test's account booked into today's 08:00 session (slot 1), and the patient's visit code.</summary>
    private async Task<(AppointmentView Booked, string Code)> BookTodayAsync()
    {
        var patient = await RegisterPatientAsync();
        var booked = await BookAsync(TestCatalog.Session(0), patient);
        return (booked, await VisitCodeAsync(patient, TokenOf(patient)));
    }

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string token, object? body = null) =>
        App.CreateClient().SendAsync(WithToken(method, path, token, body));

    private static async Task<JsonElement> Ok(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}

public sealed class SqliteVisitDayContract(SqliteDatabaseFixture fixture) : VisitDayContract(fixture), IClassFixture<SqliteDatabaseFixture>;

[RequiresMariaDb]
public sealed class MariaDbVisitDayContract(MariaDbDatabaseFixture fixture) : VisitDayContract(fixture), IClassFixture<MariaDbDatabaseFixture>;
