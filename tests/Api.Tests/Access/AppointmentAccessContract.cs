using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hospital.Api.Tests.Hospital;
using Hospital.Grains.Abstractions.Accounts;
using Hospital.Grains.Abstractions.Booking;
using Hospital.TestSupport.Contracts;
using Hospital.TestSupport.Databases;
using Hospital.TestSupport.Hospital;
using Hospital.TestSupport.MariaDb;

namespace Hospital.Api.Tests.Access;

/// <summary>
/// What the role matrix cannot see: another account's appointment is told apart from no appointment by nothing; the window and
/// add-on channels belong to clerks and to the session's doctor; department admins stay inside their departments.
/// </summary>
public abstract class AppointmentAccessContract(TestDatabaseFixture fixture) : HospitalApiContractBase(fixture)
{
    private const int OtherDepartment = TestCatalog.DepartmentId + 1;

    [ContractFact]
    public async Task AnotherAccountsAppointment_IsAnsweredExactlyAsAnAppointmentThatDoesNotExist()
    {
        var held = await HoldAsync(TestCatalog.Session(1), await RegisterPatientAsync());
        var stranger = (await SignInAccountAsync(App, TestPhone(31))).AccessToken;
        var unknown = $"{TestCatalog.Session(1)}.0123456789abcdef";

        var theirs = await ProblemAsync(WithToken(HttpMethod.Post, $"/api/appointments/{held.Id}/cancel", stranger));
        var none = await ProblemAsync(WithToken(HttpMethod.Post, $"/api/appointments/{unknown}/cancel", stranger));

        Assert.Equal(Shape(none, unknown), Shape(theirs, held.Id));
        Assert.Equal("Held", (await AppointmentRowsAsync(TestCatalog.Session(1))).Single().Status);
    }

    [ContractFact]
    public async Task PhoneWindowBooking_ByAClerkOfTheDepartment_IsRecordedAsTheClerk_AndRefusedToPatientsAndOtherClerks()
    {
        var patient = await RegisterPatientAsync();
        var session = TestCatalog.Session(1, TestCatalog.SharedDoctor);

        var byPatient = await Client.SendAsync(BookingAs(await AccountTokenAsync(), session, patient, BookingChannel.PhoneWindow, "own"));
        var byOtherClerk = await Client.SendAsync(BookingAs(TestTokens.Staff(Clock, HospitalRoles.WindowClerk, [OtherDepartment]), session, patient,
            BookingChannel.PhoneWindow, "other-clerk"));
        var byClerk = await Client.SendAsync(BookingAs(TestTokens.Staff(Clock, HospitalRoles.WindowClerk, [TestCatalog.DepartmentId]), session, patient,
            BookingChannel.PhoneWindow, "clerk"));

        Assert.Equal(("403 auth.channel_forbidden", "403 auth.channel_forbidden"), (await CodeAsync(byPatient), await CodeAsync(byOtherClerk)));
        var held = (await byClerk.Content.ReadFromJsonAsync<AppointmentView>(Json))!;
        Assert.Equal((HttpStatusCode.Created, BookingChannel.PhoneWindow), (byClerk.StatusCode, held.Channel));
        Assert.Equal(BookingActor.Staff($"test-{HospitalRoles.WindowClerk}"),
            await ScalarTextAsync("SELECT actor FROM appointment_audit WHERE appointment_id = @Id", new { held.Id }));
    }

    [ContractFact]
    public async Task DoctorAddOn_ByTheSessionsDoctorOnly()
    {
        var patient = await RegisterPatientAsync();
        var session = TestCatalog.Session(1, TestCatalog.SharedDoctor);

        var byOtherDoctor = await Client.SendAsync(BookingAs(TestTokens.Staff(Clock, HospitalRoles.Doctor, [TestCatalog.DepartmentId], TestCatalog.AppOnlyDoctor),
            session, patient, BookingChannel.DoctorAddOn, "other-doctor"));
        var byDoctor = await Client.SendAsync(BookingAs(TestTokens.Staff(Clock, HospitalRoles.Doctor, [TestCatalog.DepartmentId], TestCatalog.SharedDoctor),
            session, patient, BookingChannel.DoctorAddOn, "doctor"));

        Assert.Equal(("403 auth.channel_forbidden", HttpStatusCode.Created), (await CodeAsync(byOtherDoctor), byDoctor.StatusCode));
    }

    [ContractFact]
    public async Task DepartmentAdmin_ChangesItsDepartment_ButNeitherAnotherNorADoctorMovedOutOfIt()
    {
        var admin = TestTokens.Staff(Clock, HospitalRoles.DepartmentAdmin, [TestCatalog.DepartmentId]);
        var department = new { name = "心血管内科", location = "门诊楼2层A区", description = "", windowDays = 7, releaseTime = "07:00" };

        var own = await Client.SendAsync(WithToken(HttpMethod.Put, $"/api/admin/departments/{TestCatalog.DepartmentId}", admin, department));
        var other = await Client.SendAsync(WithToken(HttpMethod.Put, $"/api/admin/departments/{OtherDepartment}", admin, department));
        var moved = await Client.SendAsync(WithToken(HttpMethod.Put, $"/api/admin/doctors/{TestCatalog.AppOnlyDoctor}", admin,
            new { departmentId = OtherDepartment, name = "测试医生1", title = "ChiefPhysician", specialties = new[] { "高血压" }, fee = 50, introduction = "", rating = 4.5 }));

        Assert.Equal(HttpStatusCode.NoContent, own.StatusCode);
        Assert.Equal(("403 auth.department_scope", "403 auth.department_scope"), (await CodeAsync(other), await CodeAsync(moved)));
        Assert.Equal(0, await ScalarAsync("SELECT COUNT(*) FROM departments WHERE id = @OtherDepartment", new { OtherDepartment }));
        Assert.Equal(TestCatalog.DepartmentId, await ScalarAsync("SELECT department_id FROM doctors WHERE id = 1"));
    }

    private async Task<JsonElement> ProblemAsync(HttpRequestMessage request) => await ProblemResponse.ReadAsync(await Client.SendAsync(request));

    /// <summary>Everything of a problem but its trace id, with the appointment id it names made neutral.</summary>
    private static string Shape(JsonElement problem, string appointmentId) => string.Join("|", problem.EnumerateObject()
        .Where(p => p.Name != "traceId").Select(p => $"{p.Name}={p.Value.ToString().Replace(appointmentId, "<id>", StringComparison.Ordinal)}"));

    private static async Task<string> CodeAsync(HttpResponseMessage response) =>
        $"{(int)response.StatusCode} {(await ProblemResponse.ReadAsync(response)).Code()}";

    private async Task<string?> ScalarTextAsync(string sql, object parameters)
    {
        await using var connection = await Database.ConnectionFactory.OpenConnectionAsync();
        return await Dapper.SqlMapper.ExecuteScalarAsync<string>(connection, sql, parameters);
    }
}

public sealed class SqliteAppointmentAccessContract(SqliteDatabaseFixture fixture) : AppointmentAccessContract(fixture), IClassFixture<SqliteDatabaseFixture>;

[RequiresMariaDb]
public sealed class MariaDbAppointmentAccessContract(MariaDbDatabaseFixture fixture) : AppointmentAccessContract(fixture), IClassFixture<MariaDbDatabaseFixture>;
