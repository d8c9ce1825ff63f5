using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hospital.TestSupport.Contracts;
using Hospital.TestSupport.Databases;
using Hospital.TestSupport.MariaDb;

namespace Hospital.Api.Tests.Hospital;

/// <summary>Catalog changes through the admin API reach browsing at once; invalid values are 400 with field errors.</summary>
public abstract class AdminCatalogContract(TestDatabaseFixture fixture) : HospitalApiContractBase(fixture)
{
    private const int DepartmentId = 2;
    private const int DoctorId = 7;

    [ContractFact]
    public async Task AdminPuts_ADepartmentRoomDoctorAndTemplate_MakeTheDoctorSearchableWithSessionsInItsCalendar()
    {
        await CreateDepartmentAndDoctorAsync();

        var template = await Client.SendAsync(Admin(HttpMethod.Put, $"/api/admin/doctors/{DoctorId}/templates/Tuesday/Morning",
            new { room = "5B-01", quota = 20, slotMinutes = 10, phoneWindowShare = 0, doctorAddOnShare = 0 }));
        var found = await Client.GetFromJsonAsync<JsonElement>("/api/doctors?q=李时珍");
        var calendar = await Client.GetFromJsonAsync<JsonElement>($"/api/doctors/{DoctorId}/calendar?days=7");

        Assert.Equal(HttpStatusCode.NoContent, template.StatusCode);
        var doctor = Assert.Single(found.EnumerateArray());
        Assert.Equal((DoctorId, "中医科"), (doctor.GetProperty("id").GetInt32(), doctor.GetProperty("departmentName").GetString()));
        var session = Assert.Single(calendar.EnumerateArray().SelectMany(day => day.GetProperty("sessions").EnumerateArray()));
        Assert.Equal(("2026-11-24", 20, "5B-01"),
            (session.GetProperty("date").GetString(), session.GetProperty("quota").GetInt32(), session.GetProperty("room").GetString()));
    }

    [ContractFact]
    public async Task PutDepartment_WithAWindowOf99Days_Returns400WithAWindowDaysErrorAndSavesNothing()
    {
        var response = await Client.SendAsync(Admin(HttpMethod.Put, $"/api/admin/departments/{DepartmentId}",
            new { name = "中医科", location = "门诊楼5层", windowDays = 99, releaseTime = "07:00:00" }));

        await AssertFieldErrorAsync(response, "windowDays");
        Assert.Equal(1, await ScalarAsync("SELECT COUNT(*) FROM departments"));
    }

    [ContractFact]
    public async Task PutTemplate_With45MinuteSlots_Returns400WithASlotMinutesErrorAndSavesNothing()
    {
        await CreateDepartmentAndDoctorAsync();

        var response = await Client.SendAsync(Admin(HttpMethod.Put, $"/api/admin/doctors/{DoctorId}/templates/Tuesday/Morning",
            new { room = "5B-01", quota = 20, slotMinutes = 45, phoneWindowShare = 0, doctorAddOnShare = 0 }));

        await AssertFieldErrorAsync(response, "slotMinutes");
        Assert.Equal(0, await ScalarAsync("SELECT COUNT(*) FROM schedule_templates WHERE doctor_id = @DoctorId", new { DoctorId }));
    }

    [ContractFact]
    public async Task PutDoctor_WithoutAToken_Returns401AndSavesNothing()
    {
        var response = await Client.SendAsync(WithToken(HttpMethod.Put, $"/api/admin/doctors/{DoctorId}", accessToken: null, Doctor()));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, await ScalarAsync("SELECT COUNT(*) FROM doctors WHERE id = @DoctorId", new { DoctorId }));
    }

    private async Task CreateDepartmentAndDoctorAsync()
    {
        foreach (var (path, body) in new (string, object)[]
        {
            ($"/api/admin/departments/{DepartmentId}", new { name = "中医科", location = "门诊楼5层", description = "针灸推拿", windowDays = 7, releaseTime = "07:00:00" }),
            ("/api/admin/rooms/5B-01", new { departmentId = DepartmentId, location = "门诊楼5层B区1诊室" }),
            ($"/api/admin/doctors/{DoctorId}", Doctor()),
        })
        {
            var response = await Client.SendAsync(Admin(HttpMethod.Put, path, body));
            Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        }
    }

    private static object Doctor() => new
    {
        departmentId = DepartmentId, name = "李时珍", title = "ChiefPhysician", specialties = new[] { "针灸" },
        fee = 30, introduction = "针灸", rating = 4.8,
    };

    private static async Task AssertFieldErrorAsync(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ProblemResponse.ReadAsync(response);
        Assert.Equal("request.invalid", problem.Code());
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"expected a field error for {field}: {problem}");
    }
}

public sealed class SqliteAdminCatalogContract(SqliteDatabaseFixture fixture) : AdminCatalogContract(fixture), IClassFixture<SqliteDatabaseFixture>;

[RequiresMariaDb]
public sealed class MariaDbAdminCatalogContract(MariaDbDatabaseFixture fixture) : AdminCatalogContract(fixture), IClassFixture<MariaDbDatabaseFixture>;
