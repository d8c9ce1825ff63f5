using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hospital.Api.Tests.Hospital;
using Hospital.TestSupport.Contracts;
using Hospital.TestSupport.Databases;
using Hospital.TestSupport.Hospital;
using Hospital.TestSupport.MariaDb;

namespace Hospital.Api.Tests.Lists;

/// <summary>Retiring a doctor and ending a weekly template keep history, and never drop a booked session silently (issue 22).</summary>
public abstract class RetirementContract(TestDatabaseFixture fixture) : HospitalApiContractBase(fixture)
{
    private const int Doctor = TestCatalog.AppOnlyDoctor;

    [ContractFact]
    public async Task RetireDoctor_FromADate_TakesItsLaterSessionsOutOfBrowsing_AndKeepsItReadableAsRetired()
    {
        Assert.Equal(TestCatalog.PlanningDays, (await SessionDatesAsync()).Count);
        var sessionsBefore = await ScalarAsync("SELECT COUNT(*) FROM sessions WHERE doctor_id = @Doctor", new { Doctor });

        var retired = await Client.SendAsync(Admin(HttpMethod.Post, $"/api/admin/doctors/{Doctor}/retire",
            new { from = TestCatalog.Today.AddDays(2).ToString("yyyy-MM-dd"), reason = "调往分院" }));
        var dates = await SessionDatesAsync();
        var stillListed = await DoctorIdsAsync();

        Assert.Equal(HttpStatusCode.NoContent, retired.StatusCode);
        Assert.Equal([TestCatalog.Today, TestCatalog.Today.AddDays(1)], dates);
        Assert.Contains(Doctor, stillListed);
        Assert.Equal(sessionsBefore, await ScalarAsync("SELECT COUNT(*) FROM sessions WHERE doctor_id = @Doctor", new { Doctor }));

        var today = await Client.SendAsync(Admin(HttpMethod.Post, $"/api/admin/doctors/{Doctor}/retire", new { reason = "退休" }));
        var read = await (await Client.SendAsync(Admin(HttpMethod.Get, $"/api/admin/doctors/{Doctor}"))).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.NoContent, today.StatusCode);
        Assert.Empty(await SessionDatesAsync());
        Assert.DoesNotContain(Doctor, await DoctorIdsAsync());
        Assert.Equal(("2026-11-23", "退休", "测试医生1"),
            (read.GetProperty("retiredFrom").GetString(), read.GetProperty("retireReason").GetString(), read.GetProperty("name").GetString()));
    }

    [ContractFact]
    public async Task SaveDoctor_AfterRetiring_KeepsTheRetirement()
    {
        (await Client.SendAsync(Admin(HttpMethod.Post, $"/api/admin/doctors/{Doctor}/retire", new { reason = "退休" }))).EnsureSuccessStatusCode();

        var saved = await Client.SendAsync(Admin(HttpMethod.Put, $"/api/admin/doctors/{Doctor}", new
        {
            departmentId = TestCatalog.DepartmentId, name = "测试医生1", title = "ChiefPhysician", specialties = new[] { "高血压" }, fee = 60, introduction = "", rating = 4.5,
        }));
        var read = await (await Client.SendAsync(Admin(HttpMethod.Get, $"/api/admin/doctors/{Doctor}"))).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.NoContent, saved.StatusCode);
        Assert.Equal((60m, "2026-11-23"), (read.GetProperty("fee").GetDecimal(), read.GetProperty("retiredFrom").GetString()));
        Assert.Empty(await SessionDatesAsync());
    }

    [ContractFact]
    public async Task RetireDoctor_WithABookedSessionFromTheDate_Returns409ListingIt_AndRetiresOnceItIsStopped()
    {
        var patient = await RegisterPatientAsync();
        var booked = await BookAsync(TestCatalog.Session(3), patient);
        var request = new { from = TestCatalog.Today.AddDays(1).ToString("yyyy-MM-dd"), reason = "退休" };

        var refused = await Client.SendAsync(Admin(HttpMethod.Post, $"/api/admin/doctors/{Doctor}/retire", request));

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var problem = await ProblemResponse.ReadAsync(refused);
        Assert.Equal("schedule.sessions_booked", problem.Code());
        Assert.Equal([booked.SessionId], problem.GetProperty("sessions").EnumerateArray().Select(s => s.GetProperty("sessionId").GetString()));
        Assert.Equal(0, await ScalarAsync("SELECT COUNT(*) FROM doctors WHERE retired_from IS NOT NULL"));
        Assert.Equal(TestCatalog.PlanningDays, (await SessionDatesAsync()).Count);

        (await Client.SendAsync(Admin(HttpMethod.Post, $"/api/admin/sessions/{booked.SessionId}/stop", new { reason = "医生退休" }))).EnsureSuccessStatusCode();
        var retired = await Client.SendAsync(Admin(HttpMethod.Post, $"/api/admin/doctors/{Doctor}/retire", request));

        Assert.Equal(HttpStatusCode.NoContent, retired.StatusCode);
        Assert.Equal([TestCatalog.Today], await SessionDatesAsync());
    }

    [ContractTheory]
    [InlineData("2026-11-22", "退休", "from")]
    [InlineData(null, "", "reason")]
    [InlineData(null, null, "reason")]
    public async Task RetireDoctor_WithAPastDateOrNoReason_Returns400AndChangesNothing(string? from, string? reason, string field)
    {
        var response = await Client.SendAsync(Admin(HttpMethod.Post, $"/api/admin/doctors/{Doctor}/retire", new { from, reason }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await ProblemResponse.ReadAsync(response)).GetProperty("errors").TryGetProperty(field, out _));
        Assert.Equal(0, await ScalarAsync("SELECT COUNT(*) FROM doctors WHERE retired_from IS NOT NULL"));
    }

    [ContractFact]
    public async Task EndTemplate_FromADate_TakesThatWeekdaysSessionOut_UntilTheTemplateIsSavedAgain()
    {
        var day = TestCatalog.Today.AddDays(1);
        var path = $"/api/admin/doctors/{Doctor}/templates/{day.DayOfWeek}/Morning";

        var ended = await Client.SendAsync(Admin(HttpMethod.Delete, $"{path}?from={day:yyyy-MM-dd}"));
        var dates = await SessionDatesAsync();
        var templates = await (await Client.SendAsync(Admin(HttpMethod.Get, $"/api/admin/doctors/{Doctor}/templates"))).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.NoContent, ended.StatusCode);
        Assert.DoesNotContain(day, dates);
        Assert.Equal(TestCatalog.PlanningDays - 1, dates.Count);
        var template = templates.EnumerateArray().Single(t => t.GetProperty("weekday").GetString() == day.DayOfWeek.ToString());
        Assert.Equal(day.ToString("yyyy-MM-dd"), template.GetProperty("endsFrom").GetString());

        var saved = await Client.SendAsync(Admin(HttpMethod.Put, path, new { room = "2A-01", quota = 30, slotMinutes = 8, phoneWindowShare = 0, doctorAddOnShare = 0 }));

        Assert.Equal(HttpStatusCode.NoContent, saved.StatusCode);
        Assert.Contains(day, await SessionDatesAsync());
    }

    [ContractFact]
    public async Task EndTemplate_WithABookedSession_Returns409_AndAnUnknownTemplateIs404()
    {
        var patient = await RegisterPatientAsync();
        var booked = await HoldAsync(TestCatalog.Session(2), patient);
        var day = TestCatalog.Today.AddDays(2);

        var refused = await Client.SendAsync(Admin(HttpMethod.Delete, $"/api/admin/doctors/{Doctor}/templates/{day.DayOfWeek}/Morning"));
        var unknown = await Client.SendAsync(Admin(HttpMethod.Delete, $"/api/admin/doctors/{Doctor}/templates/{day.DayOfWeek}/Evening"));

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal([booked.SessionId], (await ProblemResponse.ReadAsync(refused)).GetProperty("sessions").EnumerateArray().Select(s => s.GetProperty("sessionId").GetString()));
        Assert.Equal(0, await ScalarAsync("SELECT COUNT(*) FROM schedule_templates WHERE ends_from IS NOT NULL"));
        Assert.Equal("template.not_found", (await ProblemResponse.ReadAsync(unknown)).Code());
    }

    /// <summary>The visit dates of the doctor's sessions that browsing shows for the next 8 days.</summary>
    private async Task<List<DateOnly>> SessionDatesAsync()
    {
        var calendar = await Client.GetFromJsonAsync<JsonElement>($"/api/doctors/{Doctor}/calendar?days=8");
        return [.. calendar.EnumerateArray().SelectMany(d => d.GetProperty("sessions").EnumerateArray())
            .Select(s => DateOnly.Parse(s.GetProperty("date").GetString()!, System.Globalization.CultureInfo.InvariantCulture))];
    }

    private async Task<List<int>> DoctorIdsAsync() =>
        [.. (await Client.GetFromJsonAsync<JsonElement>("/api/doctors")).EnumerateArray().Select(d => d.GetProperty("id").GetInt32())];
}

public sealed class SqliteRetirementContract(SqliteDatabaseFixture fixture) : RetirementContract(fixture), IClassFixture<SqliteDatabaseFixture>;

[RequiresMariaDb]
public sealed class MariaDbRetirementContract(MariaDbDatabaseFixture fixture) : RetirementContract(fixture), IClassFixture<MariaDbDatabaseFixture>;
