using System.Net;
using System.Text;
using Hospital.TestSupport.Contracts;
using Hospital.TestSupport.Databases;
using Hospital.TestSupport.MariaDb;

namespace Hospital.Api.Tests.Hospital;

/// <summary>
/// Admin input outside what the session key, the columns or sane bounds allow is a 400 naming the field and its limit
/// (an oversized body a 413), never a 500 or a 503 that clients would retry forever, and it stores nothing.
/// </summary>
public abstract class AdminLimitsContract(TestDatabaseFixture fixture) : HospitalApiContractBase(fixture)
{
    private const string CatalogTables = "SELECT (SELECT COUNT(*) FROM departments) + (SELECT COUNT(*) FROM doctors) + " +
        "(SELECT COUNT(*) FROM rooms) + (SELECT COUNT(*) FROM schedule_templates) + (SELECT COUNT(*) FROM sessions)";

    public static TheoryData<string, string, string, string> Refused => new()
    {
        { "/api/admin/doctors/-1", Doctor(name: "\"王五\""), "id", "positive" },
        { "/api/admin/doctors/0", Doctor(name: "\"王五\""), "id", "positive" },
        { "/api/admin/departments/-1", Department(name: "\"眼科\""), "id", "positive" },
        { "/api/admin/departments/3", Department(name: $"\"{new string('眼', 200)}\""), "name", "64" },
        { "/api/admin/doctors/5", Doctor(name: $"\"{new string('王', 33)}\""), "name", "32" },
        { "/api/admin/doctors/5", Doctor(rating: "\"NaN\""), "rating", "0 to 5" },
        { "/api/admin/doctors/5", Doctor(rating: "\"Infinity\""), "rating", "0 to 5" },
        { "/api/admin/doctors/5", Doctor(fee: "-1"), "fee", "10000" },
        { "/api/admin/doctors/5", Doctor(fee: "100000000"), "fee", "10000" },
        { "/api/admin/doctors/5", Doctor(introduction: $"\"{new string('x', 1025)}\""), "introduction", "1024" },
        { "/api/admin/rooms/" + new string('R', 33), """{"departmentId":1,"location":"门诊楼"}""", "code", "32" },
        { "/api/admin/rooms/3B-01", """{"departmentId":-1,"location":"门诊楼"}""", "departmentId", "positive" },
        { "/api/admin/doctors/1/templates/Tuesday/Afternoon", Template(quota: 200_000, slotMinutes: 1), "quota", "1000" },
        { "/api/admin/doctors/1/templates/Tuesday/Afternoon", Template(quota: 2_000_000, slotMinutes: 1), "quota", "1000" },
    };

    [ContractTheory]
    [MemberData(nameof(Refused))]
    public async Task AdminPut_OutsideAFieldsLimit_Returns400NamingTheFieldAndLimit_AndStoresNothing(string path, string json, string field, string limit)
    {
        var client = Client; // started: its first plan has added the window's sessions
        var before = await ScalarAsync(CatalogTables);

        var response = await client.SendAsync(Raw(HttpMethod.Put, path, json));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = (await ProblemResponse.ReadAsync(response)).GetProperty("errors").GetProperty(field)[0].GetString()!;
        Assert.Contains(limit, message);
        Assert.DoesNotContain("Parameter", message);
        Assert.Equal(before, await ScalarAsync(CatalogTables));
    }

    [ContractFact]
    public async Task PutTemplate_ForDoctorMinusOne_Returns404_AndLaterAdminWritesStillWork()
    {
        var doctor = await Client.SendAsync(Raw(HttpMethod.Put, "/api/admin/doctors/-1", Doctor()));
        var template = await Client.SendAsync(Raw(HttpMethod.Put, "/api/admin/doctors/-1/templates/Tuesday/Morning", Template()));
        var valid = await Client.SendAsync(Raw(HttpMethod.Put, "/api/admin/doctors/1/templates/Tuesday/Afternoon", Template()));

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.NotFound, HttpStatusCode.NoContent), (doctor.StatusCode, template.StatusCode, valid.StatusCode));
        Assert.Equal(0, await ScalarAsync("SELECT COUNT(*) FROM schedule_templates WHERE doctor_id < 1"));
    }

    [ContractFact]
    public async Task StopSession_WithAReasonLongerThanItsColumn_Returns400NamingTheLimit_AndStopsNothing()
    {
        var response = await Client.SendAsync(Raw(HttpMethod.Post, $"/api/admin/sessions/{TestSupport.Hospital.TestCatalog.Session(1)}/stop",
            $$"""{"reason":"{{new string('因', 257)}}"}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("256", (await ProblemResponse.ReadAsync(response)).GetProperty("errors").GetProperty("reason")[0].GetString());
        Assert.Equal(0, await ScalarAsync("SELECT COUNT(*) FROM sessions WHERE status <> 'Open'"));
    }

    [ContractFact]
    public async Task PutDoctor_WithA65KbName_Returns413RequestTooLarge_AndStoresNothing()
    {
        var response = await Client.SendAsync(Raw(HttpMethod.Put, "/api/admin/doctors/5", Doctor(name: $"\"{new string('x', 65 * 1024)}\"")));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("request.too_large", (await ProblemResponse.ReadAsync(response)).Code());
        Assert.Equal(0, await ScalarAsync("SELECT COUNT(*) FROM doctors WHERE id = 5"));
    }

    [ContractFact]
    public async Task StopSession_WithAOneMegabyteReason_Returns413RequestTooLarge_AndStopsNothing()
    {
        var response = await Client.SendAsync(Raw(HttpMethod.Post, $"/api/admin/sessions/{TestSupport.Hospital.TestCatalog.Session(1)}/stop",
            $$"""{"reason":"{{new string('x', 1024 * 1024)}}"}"""));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("request.too_large", (await ProblemResponse.ReadAsync(response)).Code());
        Assert.Equal(0, await ScalarAsync("SELECT COUNT(*) FROM sessions WHERE status <> 'Open'"));
    }

    private static string Doctor(string name = "\"王五\"", string fee = "10", string rating = "4", string introduction = "\"\"") =>
        $$"""{"departmentId":1,"name":{{name}},"title":"ChiefPhysician","specialties":["心衰"],"fee":{{fee}},"introduction":{{introduction}},"rating":{{rating}}}""";

    private static string Department(string name) =>
        $$"""{"name":{{name}},"location":"门诊楼3层","description":"","windowDays":7,"releaseTime":"07:00","weeklyReleaseDay":null}""";

    private static string Template(int quota = 20, int slotMinutes = 10) =>
        $$"""{"room":"2A-01","quota":{{quota}},"slotMinutes":{{slotMinutes}},"phoneWindowShare":0,"doctorAddOnShare":0}""";

    /// <summary>An admin request with a body sent as given (with its Content-Length, as phone apps and admin tools send them).</summary>
    private HttpRequestMessage Raw(HttpMethod method, string path, string json)
    {
        var request = Admin(method, path);
        request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        return request;
    }
}

public sealed class SqliteAdminLimitsContract(SqliteDatabaseFixture fixture) : AdminLimitsContract(fixture), IClassFixture<SqliteDatabaseFixture>;

[RequiresMariaDb]
public sealed class MariaDbAdminLimitsContract(MariaDbDatabaseFixture fixture) : AdminLimitsContract(fixture), IClassFixture<MariaDbDatabaseFixture>;
