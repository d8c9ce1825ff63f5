using System.Net;
using System.Net.Http.Json;
using Hospital.TestSupport.Contracts;
using Hospital.TestSupport.Databases;
using Hospital.TestSupport.MariaDb;

namespace Hospital.Api.Tests.Hospital;

/// <summary>
/// Out-of-range admin input is a 400 naming the request's own field, saves nothing, and leaves planning working:
/// a bad row in the catalog would break every later re-plan.
/// </summary>
public abstract class AdminInputContract(TestDatabaseFixture fixture) : HospitalApiContractBase(fixture)
{
    [ContractTheory]
    [InlineData("9/Morning", "weekday")]
    [InlineData("Monday/7", "period")]
    public async Task PutTemplate_WithAnUndefinedWeekdayOrPeriod_Returns400AndSavesNothing(string route, string field)
    {
        var before = await ScalarAsync("SELECT COUNT(*) FROM schedule_templates");

        var response = await Client.SendAsync(Admin(HttpMethod.Put, $"/api/admin/doctors/1/templates/{route}", Template()));

        await AssertFieldErrorAsync(response, field);
        Assert.Equal(before, await ScalarAsync("SELECT COUNT(*) FROM schedule_templates"));
        await AssertPlanningStillWorksAsync();
    }

    [ContractTheory]
    [InlineData("phoneWindowShare")]
    [InlineData("doctorAddOnShare")]
    public async Task PutTemplate_WithAShareAboveOne_Returns400NamingTheRequestField(string field)
    {
        var body = new Dictionary<string, object> { ["room"] = "2A-01", ["quota"] = 20, ["slotMinutes"] = 10, ["phoneWindowShare"] = 0, ["doctorAddOnShare"] = 0 };
        body[field] = 2;

        var response = await Client.SendAsync(Admin(HttpMethod.Put, "/api/admin/doctors/1/templates/Tuesday/Morning", body));

        await AssertFieldErrorAsync(response, field);
    }

    [ContractFact]
    public async Task PutTemplate_WithSeveralBadFields_Returns400NamingEveryOneWithoutDotNetText()
    {
        var body = new { room = "", quota = 0, slotMinutes = 99, phoneWindowShare = 2, doctorAddOnShare = 0 };

        var response = await Client.SendAsync(Admin(HttpMethod.Put, "/api/admin/doctors/1/templates/Tuesday/Morning", body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ProblemResponse.ReadAsync(response);
        Assert.Equal(["phoneWindowShare", "quota", "room", "slotMinutes"], problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order());
        Assert.DoesNotContain("Parameter", problem.ToString(), StringComparison.Ordinal);
    }

    [ContractFact]
    public async Task PutDoctor_WithAnUndefinedTitle_Returns400AndSavesNothing()
    {
        var response = await Client.SendAsync(Admin(HttpMethod.Put, "/api/admin/doctors/5",
            new { departmentId = 1, name = "王五", title = 99, fee = 10, rating = 4 }));

        await AssertFieldErrorAsync(response, "title");
        Assert.Equal(0, await ScalarAsync("SELECT COUNT(*) FROM doctors WHERE id = 5"));
        await AssertPlanningStillWorksAsync();
    }

    [ContractFact]
    public async Task PutDoctor_WithANullSpecialty_Returns400AndDoctorSearchKeepsWorking()
    {
        var response = await Client.SendAsync(Admin(HttpMethod.Put, "/api/admin/doctors/5",
            new { departmentId = 1, name = "王五", title = "ChiefPhysician", specialties = new[] { "心衰", null }, fee = 10, rating = 4 }));
        var search = await Client.GetAsync("/api/doctors?q=心");

        await AssertFieldErrorAsync(response, "specialties");
        Assert.Equal(HttpStatusCode.OK, search.StatusCode);
        Assert.Equal(0, await ScalarAsync("SELECT COUNT(*) FROM doctors WHERE id = 5"));
    }

    [ContractFact]
    public async Task PutDepartment_WithAnUndefinedWeeklyReleaseDay_Returns400AndSavesNothing()
    {
        var response = await Client.SendAsync(Admin(HttpMethod.Put, "/api/admin/departments/3",
            new { name = "眼科", location = "门诊楼3层", windowDays = 7, releaseTime = "07:00:00", weeklyReleaseDay = 9 }));

        await AssertFieldErrorAsync(response, "weeklyReleaseDay");
        Assert.Equal(0, await ScalarAsync("SELECT COUNT(*) FROM departments WHERE id = 3"));
        await AssertPlanningStillWorksAsync();
    }

    private static object Template() => new { room = "2A-01", quota = 20, slotMinutes = 10, phoneWindowShare = 0, doctorAddOnShare = 0 };

    private async Task AssertPlanningStillWorksAsync()
    {
        var valid = await Client.SendAsync(Admin(HttpMethod.Put, "/api/admin/doctors/1/templates/Tuesday/Afternoon", Template()));
        var doctors = await Client.GetAsync("/api/doctors");
        var departments = await Client.GetAsync("/api/departments");

        Assert.Equal((HttpStatusCode.NoContent, HttpStatusCode.OK, HttpStatusCode.OK), (valid.StatusCode, doctors.StatusCode, departments.StatusCode));
    }

    private static async Task AssertFieldErrorAsync(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ProblemResponse.ReadAsync(response);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"expected a field error for {field}: {problem}");
    }
}

public sealed class SqliteAdminInputContract(SqliteDatabaseFixture fixture) : AdminInputContract(fixture), IClassFixture<SqliteDatabaseFixture>;

[RequiresMariaDb]
public sealed class MariaDbAdminInputContract(MariaDbDatabaseFixture fixture) : AdminInputContract(fixture), IClassFixture<MariaDbDatabaseFixture>;
