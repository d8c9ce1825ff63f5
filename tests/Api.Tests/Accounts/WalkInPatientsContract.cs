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
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hospital.Api.Tests.Accounts;

/// <summary>
/// A window clerk registers a walk-in who has no account after seeing their ID card, finds patients by ID number (each lookup
/// logged), and books and takes payment on the PhoneWindow channel for them; patients' tokens reach none of it.
/// </summary>
public abstract class WalkInPatientsContract(TestDatabaseFixture fixture) : HospitalApiContractBase(fixture)
{
    private static readonly string IdNumber = TestIdNumbers.Number(41);

    private string Clerk => TestTokens.Staff(Clock, HospitalRoles.WindowClerk, [TestCatalog.DepartmentId]);

    [ContractFact]
    public async Task AClerk_RegistersAWalkIn_BooksTheWindowChannelForThem_AndTakesThePayment()
    {
        var registered = await Client.SendAsync(WithToken(HttpMethod.Post, "/api/staff/patients", Clerk, WalkIn("王五")));
        var patient = await registered.Content.ReadFromJsonAsync<JsonElement>();
        var patientId = patient.GetProperty("id").GetString()!;

        var booked = await Client.SendAsync(BookingAs(Clerk, TestCatalog.Session(1, TestCatalog.SharedDoctor), patientId, BookingChannel.PhoneWindow, "walk-in"));
        var held = (await booked.Content.ReadFromJsonAsync<AppointmentView>(Json))!;
        var paid = await Client.SendAsync(WithToken(HttpMethod.Post, $"/api/appointments/{held.Id}/pay", Clerk));

        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        Assert.Equal(("王*", "139****0041"), (patient.GetProperty("name").GetString(), patient.GetProperty("phone").GetString()));
        Assert.DoesNotContain(IdNumber[1..^1], patient.GetProperty("idNumber").GetString());
        Assert.Equal((HttpStatusCode.Created, patientId, BookingChannel.PhoneWindow), (booked.StatusCode, held.PatientId, held.Channel));
        Assert.Equal(HttpStatusCode.OK, paid.StatusCode);
        Assert.Equal(AppointmentStatus.Booked, (await paid.Content.ReadFromJsonAsync<AppointmentView>(Json))!.Status);
    }

    [ContractFact]
    public async Task RegisteringTheSamePersonAgain_AnswersTheSamePatient_AndAnotherNameForTheIdNumberIs409WithTheMaskedNameOnRecord()
    {
        var first = await Client.SendAsync(WithToken(HttpMethod.Post, "/api/staff/patients", Clerk, WalkIn("王五")));
        var again = await Client.SendAsync(WithToken(HttpMethod.Post, "/api/staff/patients", TestTokens.HospitalAdmin(Clock), WalkIn("王五")));
        var otherName = await Client.SendAsync(WithToken(HttpMethod.Post, "/api/staff/patients", Clerk, WalkIn("赵六")));

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.OK), (first.StatusCode, again.StatusCode));
        Assert.Equal(await IdOfAsync(first), await IdOfAsync(again));
        var conflict = await ProblemResponse.ReadAsync(otherName);
        Assert.Equal(("patient.identity_mismatch", "王*"), (conflict.Code(), conflict.GetProperty("nameOnRecord").GetString()));
        Assert.Equal(1, await ScalarAsync("SELECT COUNT(*) FROM patients"));
    }

    [ContractFact]
    public async Task WithoutTheIdCardSeen_OrWithABadIdNumber_Is400AndRegistersNoOne()
    {
        var unseen = await Client.SendAsync(WithToken(HttpMethod.Post, "/api/staff/patients", Clerk, new { name = "王五", idNumber = IdNumber, phone = TestPhone(41) }));
        var denied = await Client.SendAsync(WithToken(HttpMethod.Post, "/api/staff/patients", Clerk,
            new { name = "王五", idNumber = IdNumber, phone = TestPhone(41), idCardSeen = false }));
        var badId = await Client.SendAsync(WithToken(HttpMethod.Post, "/api/staff/patients", Clerk,
            new { name = "王五", idNumber = "110105194912310021", phone = TestPhone(41), idCardSeen = true }));

        Assert.True((await ProblemResponse.ReadAsync(unseen)).GetProperty("errors").TryGetProperty("idCardSeen", out _));
        Assert.True((await ProblemResponse.ReadAsync(denied)).GetProperty("errors").TryGetProperty("idCardSeen", out _));
        Assert.True((await ProblemResponse.ReadAsync(badId)).GetProperty("errors").TryGetProperty("idNumber", out _));
        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest], new[] { unseen.StatusCode, denied.StatusCode, badId.StatusCode });
        Assert.Equal(0, await ScalarAsync("SELECT COUNT(*) FROM patients"));
    }

    [ContractFact]
    public async Task ALookupByIdNumber_FindsThePatientOr404_AndEachIsLoggedWithTheStaffIdAndTheMaskedIdNumber()
    {
        var logs = new CapturedLogs();
        var client = StartApp(configureServices: services => services.AddSingleton<ILoggerProvider>(logs)).CreateClient();
        var registered = await client.SendAsync(WithToken(HttpMethod.Post, "/api/staff/patients", Clerk, WalkIn("王五")));
        var unknown = TestIdNumbers.Number(42);

        var found = await client.SendAsync(WithToken(HttpMethod.Get, $"/api/staff/patients?idNumber={IdNumber}", Clerk));
        var missing = await client.SendAsync(WithToken(HttpMethod.Get, $"/api/staff/patients?idNumber={unknown}", Clerk));
        var malformed = await client.SendAsync(WithToken(HttpMethod.Get, "/api/staff/patients?idNumber=12345", Clerk));

        var patient = await found.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((HttpStatusCode.OK, await IdOfAsync(registered), "王*"),
            (found.StatusCode, patient.GetProperty("id").GetString(), patient.GetProperty("name").GetString()));
        Assert.Equal("404 patient.not_found", $"{(int)missing.StatusCode} {(await ProblemResponse.ReadAsync(missing)).Code()}");
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        var lookups = logs.Entries.Where(e => e.Message.Contains("looked up", StringComparison.Ordinal)).Select(e => e.Message).ToList();
        Assert.Equal(2, lookups.Count);
        Assert.All(lookups, m => Assert.Contains($"test-{HospitalRoles.WindowClerk}", m));
        Assert.Contains(lookups, m => m.Contains($"{IdNumber[0]}****************{IdNumber[^1]}", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Entries, e => e.Message.Contains(IdNumber, StringComparison.Ordinal) || e.Message.Contains(unknown, StringComparison.Ordinal));
    }

    [ContractFact]
    public async Task APatientsTokenAndADoctor_ReachNeitherCall()
    {
        var patientToken = await AccountTokenAsync();
        var doctor = TestTokens.Staff(Clock, HospitalRoles.Doctor, [TestCatalog.DepartmentId], TestCatalog.SharedDoctor);

        var statuses = new[]
        {
            (await Client.SendAsync(WithToken(HttpMethod.Post, "/api/staff/patients", patientToken, WalkIn("王五")))).StatusCode,
            (await Client.SendAsync(WithToken(HttpMethod.Get, $"/api/staff/patients?idNumber={IdNumber}", patientToken))).StatusCode,
            (await Client.SendAsync(WithToken(HttpMethod.Post, "/api/staff/patients", doctor, WalkIn("王五")))).StatusCode,
        };

        Assert.Equal([HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden], statuses);
        Assert.Equal(0, await ScalarAsync("SELECT COUNT(*) FROM patients"));
    }

    private static object WalkIn(string name) => new { name, idNumber = IdNumber, phone = TestPhone(41), idCardSeen = true };

    private static async Task<string> IdOfAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
}

public sealed class SqliteWalkInPatientsContract(SqliteDatabaseFixture fixture) : WalkInPatientsContract(fixture), IClassFixture<SqliteDatabaseFixture>;

[RequiresMariaDb]
public sealed class MariaDbWalkInPatientsContract(MariaDbDatabaseFixture fixture) : WalkInPatientsContract(fixture), IClassFixture<MariaDbDatabaseFixture>;
