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

/// <summary>Admins read back what they set up (issue 22): lists paged and scoped to a department admin's departments.</summary>
public abstract class AdminCatalogReadContract(TestDatabaseFixture fixture) : HospitalApiContractBase(fixture)
{
    private const int OtherDepartment = TestCatalog.DepartmentId + 1;
    private const int OtherDoctor = 9;

    [ContractFact]
    public async Task ListDoctors_PagesByIdWithACursor_AndFiltersByDepartment()
    {
        await AddOtherDepartmentAsync();

        var first = await GetAsync("/api/admin/doctors?pageSize=2", TestTokens.HospitalAdmin(Clock));
        var second = await GetAsync($"/api/admin/doctors?pageSize=2&cursor={Uri.EscapeDataString(first.GetProperty("nextCursor").GetString()!)}", TestTokens.HospitalAdmin(Clock));
        var filtered = await GetAsync($"/api/admin/doctors?departmentId={OtherDepartment}", TestTokens.HospitalAdmin(Clock));

        Assert.Equal([TestCatalog.AppOnlyDoctor, TestCatalog.SharedDoctor], Ids(first));
        Assert.Equal([OtherDoctor], Ids(second));
        Assert.Equal(JsonValueKind.Null, second.GetProperty("nextCursor").ValueKind);
        Assert.Equal([OtherDoctor], Ids(filtered));
        Assert.Equal(JsonValueKind.Null, filtered.GetProperty("items")[0].GetProperty("retiredFrom").ValueKind);
    }

    [ContractFact]
    public async Task Lists_ForADepartmentAdmin_ShowOnlyTheirDepartments_AndReadsOutsideTheirScopeAre403()
    {
        await AddOtherDepartmentAsync();
        var admin = TestTokens.Staff(Clock, HospitalRoles.DepartmentAdmin, [OtherDepartment]);

        var departments = await GetAsync("/api/admin/departments", admin);
        var doctors = await GetAsync("/api/admin/doctors", admin);
        var rooms = await GetAsync("/api/admin/rooms", admin);
        var ownRoom = await GetAsync("/api/admin/rooms/5B-01", admin);
        var outside = await Client.SendAsync(WithToken(HttpMethod.Get, $"/api/admin/doctors/{TestCatalog.AppOnlyDoctor}", admin));
        var outsideDepartment = await Client.SendAsync(WithToken(HttpMethod.Get, $"/api/admin/departments/{TestCatalog.DepartmentId}", admin));

        Assert.Equal([OtherDepartment], Ids(departments));
        Assert.Equal([OtherDoctor], Ids(doctors));
        Assert.Equal(["5B-01"], rooms.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("code").GetString()));
        Assert.Equal(OtherDepartment, ownRoom.GetProperty("departmentId").GetInt32());
        Assert.Equal("auth.department_scope", (await ProblemResponse.ReadAsync(outside)).Code());
        Assert.Equal("auth.department_scope", (await ProblemResponse.ReadAsync(outsideDepartment)).Code());
    }

    [ContractFact]
    public async Task Reads_OfOneItem_ShowItOrAnswer404ForAnUnknownOne()
    {
        var admin = TestTokens.HospitalAdmin(Clock);

        var department = await GetAsync($"/api/admin/departments/{TestCatalog.DepartmentId}", admin);
        var templates = await GetAsync($"/api/admin/doctors/{TestCatalog.SharedDoctor}/templates", admin);
        var unknownDoctor = await Client.SendAsync(WithToken(HttpMethod.Get, "/api/admin/doctors/77", admin));
        var unknownRoom = await Client.SendAsync(WithToken(HttpMethod.Get, "/api/admin/rooms/9Z-99", admin));
        var unknownDepartment = await Client.SendAsync(WithToken(HttpMethod.Get, "/api/admin/departments/77", admin));

        Assert.Equal(("心血管内科", 7), (department.GetProperty("name").GetString(), department.GetProperty("release").GetProperty("windowDays").GetInt32()));
        Assert.Equal(7, templates.GetArrayLength());
        Assert.All(templates.EnumerateArray(), t => Assert.Equal(("Morning", 30), (t.GetProperty("period").GetString(), t.GetProperty("quota").GetInt32())));
        Assert.Equal("doctor.not_found", (await ProblemResponse.ReadAsync(unknownDoctor)).Code());
        Assert.Equal("room.not_found", (await ProblemResponse.ReadAsync(unknownRoom)).Code());
        Assert.Equal("department.not_found", (await ProblemResponse.ReadAsync(unknownDepartment)).Code());
    }

    [ContractTheory]
    [InlineData("/api/admin/departments?pageSize=0", "pageSize")]
    [InlineData("/api/admin/doctors?pageSize=1000", "pageSize")]
    [InlineData("/api/admin/rooms?cursor=%25%25", "cursor")]
    public async Task Lists_WithABadPageSizeOrCursor_Return400NamingTheField(string path, string field)
    {
        var response = await Client.SendAsync(WithToken(HttpMethod.Get, path, TestTokens.HospitalAdmin(Clock)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await ProblemResponse.ReadAsync(response)).GetProperty("errors").TryGetProperty(field, out _));
    }

    private async Task AddOtherDepartmentAsync()
    {
        await SendOkAsync(HttpMethod.Put, $"/api/admin/departments/{OtherDepartment}", new { name = "中医科", location = "门诊楼5层", windowDays = 7, releaseTime = "07:00" });
        await SendOkAsync(HttpMethod.Put, "/api/admin/rooms/5B-01", new { departmentId = OtherDepartment, location = "门诊楼5层B区1诊室" });
        await SendOkAsync(HttpMethod.Put, $"/api/admin/doctors/{OtherDoctor}", new
        {
            departmentId = OtherDepartment, name = "李时珍", title = "ChiefPhysician", specialties = new[] { "针灸" }, fee = 30, introduction = "", rating = 4.9,
        });
    }

    private async Task SendOkAsync(HttpMethod method, string path, object body) => (await Client.SendAsync(Admin(method, path, body))).EnsureSuccessStatusCode();

    private async Task<JsonElement> GetAsync(string path, string token)
    {
        var response = await Client.SendAsync(WithToken(HttpMethod.Get, path, token));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static List<int> Ids(JsonElement page) => [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32())];
}

public sealed class SqliteAdminCatalogReadContract(SqliteDatabaseFixture fixture) : AdminCatalogReadContract(fixture), IClassFixture<SqliteDatabaseFixture>;

[RequiresMariaDb]
public sealed class MariaDbAdminCatalogReadContract(MariaDbDatabaseFixture fixture) : AdminCatalogReadContract(fixture), IClassFixture<MariaDbDatabaseFixture>;
