using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hospital.TestSupport.Contracts;
using Hospital.TestSupport.Databases;
using Hospital.TestSupport.Hospital;
using Hospital.TestSupport.MariaDb;

namespace Hospital.Api.Tests.Hospital;

/// <summary>What patients browse before booking, and the readiness probe, over a real database.</summary>
public abstract class BrowsingContract(TestDatabaseFixture fixture) : HospitalApiContractBase(fixture)
{
    [ContractFact]
    public async Task HealthReady_WithTheDatabaseReachable_Returns200Healthy()
    {
        var response = await Client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Healthy", report.GetProperty("status").GetString());
        var checks = report.GetProperty("checks").EnumerateArray().Select(c => (c.GetProperty("name").GetString(), c.GetProperty("status").GetString()));
        Assert.Equal([("database", "Healthy"), ("catalog", "Healthy")], checks);
    }

    [ContractFact]
    public async Task GetDepartments_ListsTheDepartmentWithItsReleasePolicy()
    {
        var departments = await Client.GetFromJsonAsync<JsonElement>("/api/departments");

        var department = Assert.Single(departments.EnumerateArray());
        Assert.Equal((TestCatalog.DepartmentId, "心血管内科"), (department.GetProperty("id").GetInt32(), department.GetProperty("name").GetString()));
        Assert.Equal(7, department.GetProperty("release").GetProperty("windowDays").GetInt32());
    }

    [ContractTheory]
    [InlineData("测试医生1", new[] { TestCatalog.AppOnlyDoctor })]
    [InlineData("高血压", new[] { TestCatalog.AppOnlyDoctor, TestCatalog.SharedDoctor })]
    [InlineData("骨科", new int[0])]
    public async Task SearchDoctors_ByNameOrSpecialty_FindsExactlyTheMatchingDoctors(string keyword, int[] expected)
    {
        var doctors = await Client.GetFromJsonAsync<JsonElement>($"/api/doctors?q={Uri.EscapeDataString(keyword)}");

        Assert.Equal(expected, doctors.EnumerateArray().Select(d => d.GetProperty("id").GetInt32()).Order());
    }

    [ContractFact]
    public async Task GetDoctorCalendar_ForSevenDays_ReturnsSevenDaysWithTheDailyMorningSession()
    {
        var days = await Client.GetFromJsonAsync<JsonElement>($"/api/doctors/{TestCatalog.AppOnlyDoctor}/calendar?days=7");

        Assert.Equal(7, days.GetArrayLength());
        Assert.All(days.EnumerateArray(), day =>
        {
            var session = Assert.Single(day.GetProperty("sessions").EnumerateArray());
            Assert.Equal(("Morning", TestCatalog.Quota), (session.GetProperty("period").GetString(), session.GetProperty("quota").GetInt32()));
        });
        Assert.Equal(TestCatalog.Session(0), days[0].GetProperty("sessions")[0].GetProperty("sessionId").GetString());
    }

    [ContractTheory]
    [InlineData(0)]
    [InlineData(29)]
    public async Task GetDoctorCalendar_WithDaysOutOfRange_Returns400WithADaysError(int days)
    {
        var response = await Client.GetAsync($"/api/doctors/{TestCatalog.AppOnlyDoctor}/calendar?days={days}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await ProblemResponse.ReadAsync(response)).GetProperty("errors").TryGetProperty("days", out _));
    }

    [ContractFact]
    public async Task GetDepartmentCalendar_ForADate_ListsBothDoctorsSessionsThatDay()
    {
        var day = await Client.GetFromJsonAsync<JsonElement>($"/api/departments/{TestCatalog.DepartmentId}/calendar?date=2026-11-24");

        Assert.Equal("2026-11-24", day.GetProperty("date").GetString());
        Assert.Equal([TestCatalog.Session(1, TestCatalog.AppOnlyDoctor), TestCatalog.Session(1, TestCatalog.SharedDoctor)],
            day.GetProperty("sessions").EnumerateArray().Select(s => s.GetProperty("sessionId").GetString()).Order());
    }

    [ContractFact]
    public async Task GetDepartmentCalendar_AfterAHold_ShowsOneSlotFewerOnTheNextRead()
    {
        var before = await CalendarEntryAsync(daysAhead: 1);

        await HoldAsync(TestCatalog.Session(1), await RegisterPatientAsync());

        Assert.Equal(before.GetProperty("available").GetInt32() - 1, (await CalendarEntryAsync(daysAhead: 1)).GetProperty("available").GetInt32());
    }

    [ContractFact]
    public async Task GetDepartmentCalendar_OnceTheReleaseTimePasses_ShowsTheSessionAvailableOnTheNextRead()
    {
        var early = await CalendarEntryAsync(daysAhead: 7);

        Clock.Advance(TimeSpan.FromMinutes(30));

        Assert.Equal(("NotReleased", "Available"), (early.GetProperty("state").GetString(), (await CalendarEntryAsync(daysAhead: 7)).GetProperty("state").GetString()));
    }

    [ContractFact]
    public async Task GetSession_AfterAHold_ShowsItsSlotsWithTheHeldOneTaken()
    {
        var session = TestCatalog.Session(1);
        var held = await HoldAsync(session, await RegisterPatientAsync());

        var response = await Client.GetFromJsonAsync<JsonElement>($"/api/sessions/{session}");

        var slots = response.GetProperty("slots").EnumerateArray().ToList();
        Assert.Equal(Enumerable.Range(1, TestCatalog.Quota), slots.Select(s => s.GetProperty("slotNo").GetInt32()));
        Assert.Equal([held.SlotNo], slots.Where(s => !s.GetProperty("free").GetBoolean()).Select(s => s.GetProperty("slotNo").GetInt32()));
        Assert.Equal(TestCatalog.Quota - 1, response.GetProperty("session").GetProperty("available").GetInt32());
    }

    /// <summary>The app-only doctor's morning session in the department's calendar of its day.</summary>
    private async Task<JsonElement> CalendarEntryAsync(int daysAhead)
    {
        var day = TestCatalog.Today.AddDays(daysAhead);
        var calendar = await Client.GetFromJsonAsync<JsonElement>($"/api/departments/{TestCatalog.DepartmentId}/calendar?date={day:yyyy-MM-dd}");
        return calendar.GetProperty("sessions").EnumerateArray().Single(s => s.GetProperty("sessionId").GetString() == TestCatalog.Session(daysAhead));
    }
}

public sealed class SqliteBrowsingContract(SqliteDatabaseFixture fixture) : BrowsingContract(fixture), IClassFixture<SqliteDatabaseFixture>;

[RequiresMariaDb]
public sealed class MariaDbBrowsingContract(MariaDbDatabaseFixture fixture) : BrowsingContract(fixture), IClassFixture<MariaDbDatabaseFixture>;
