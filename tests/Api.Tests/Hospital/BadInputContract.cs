using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Hospital.Grains.Abstractions.Accounts;
using Hospital.Grains.Abstractions.Booking;
using Hospital.TestSupport.Contracts;
using Hospital.TestSupport.Databases;
using Hospital.TestSupport.Hospital;
using Hospital.TestSupport.MariaDb;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hospital.Api.Tests.Hospital;

/// <summary>Bad input is answered 400 or 404 with a stable code and changes nothing in the database.</summary>
public abstract class BadInputContract(TestDatabaseFixture fixture) : HospitalApiContractBase(fixture)
{
    [ContractFact]
    public async Task PostAppointment_WithMalformedJson_Returns400MalformedAndWritesNothing()
    {
        await RegisterPatientAsync();
        var before = await RowCountsAsync();
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/appointments")
        {
            Content = new StringContent("{\"sessionId\": \"D0001-", Encoding.UTF8, "application/json"),
            Headers = { { "Idempotency-Key", "bad-json" } },
        };

        var response = await Client.SendAsync(request);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "request.malformed");
        Assert.Equal(before, await RowCountsAsync());
    }

    [ContractFact]
    public async Task PostAppointment_ForAnUnknownSession_Returns404SessionNotFoundAndWritesNothing()
    {
        var patient = await RegisterPatientAsync();
        var before = await RowCountsAsync();

        var response = await PostAppointmentAsync(Client, "D0099-20261124-AM", patient, "unknown-session");

        await AssertProblemAsync(response, HttpStatusCode.NotFound, "session.not_found");
        Assert.Equal(before, await RowCountsAsync());
    }

    [ContractFact]
    public async Task PostAppointment_WithoutASessionId_Returns400WithASessionIdErrorAndWritesNothing()
    {
        var patient = await RegisterPatientAsync();
        var before = await RowCountsAsync();
        var response = await PostJsonAsync("/api/appointments", new { patientId = patient }, "no-session");

        await AssertFieldErrorAsync(response, "sessionId");
        Assert.Equal(before, await RowCountsAsync());
    }

    [ContractFact]
    public async Task Reschedule_WithoutASessionId_Returns400WithASessionIdError()
    {
        var booked = await BookAsync(TestCatalog.Session(1), await RegisterPatientAsync());
        var response = await PostJsonAsync($"/api/appointments/{booked.Id}/reschedule", new { }, "move-nowhere");

        await AssertFieldErrorAsync(response, "sessionId");
    }

    [ContractFact]
    public async Task PostAppointment_ForAnUnknownPatient_Returns404PatientNotFoundWritesNothingAndLogsNoError()
    {
        var logs = new CapturedLogs();
        var client = StartApp(configureServices: services => services.AddSingleton<ILoggerProvider>(logs)).CreateClient();
        var before = await RowCountsAsync();

        // A window clerk books for any patient id (a patient's own account only reaches its family members), so an
        // unknown id reaches the patient grain.
        var response = await client.SendAsync(BookingAs(TestTokens.Staff(Clock, HospitalRoles.WindowClerk, [TestCatalog.DepartmentId]),
            TestCatalog.Session(1), "P-nobody", BookingChannel.PhoneWindow, "unknown-patient"));

        await AssertProblemAsync(response, HttpStatusCode.NotFound, "patient.not_found");
        Assert.Equal(before, await RowCountsAsync());
        Assert.Empty(logs.Entries.Where(e => e.Level >= LogLevel.Error || (e.Level == LogLevel.Warning && e.Message.Contains("P-nobody")))
            .Select(e => $"{e.Level} {e.Category}: {e.Message}"));
    }

    [ContractFact]
    public async Task PostAppointment_WithSlotNoOutOfRange_Returns400WithASlotNoErrorAndWritesNothing()
    {
        var patient = await RegisterPatientAsync();
        var before = await RowCountsAsync();

        var response = await PostAppointmentAsync(Client, TestCatalog.Session(1), patient, "slot-99", slotNo: TestCatalog.Quota + 1);

        await AssertFieldErrorAsync(response, "slotNo");
        Assert.Equal(before, await RowCountsAsync());
    }

    [ContractFact]
    public async Task PostAppointment_WithAnUndefinedChannel_Returns400WithAChannelErrorAndWritesNothing()
    {
        var patient = await RegisterPatientAsync();
        var before = await RowCountsAsync();
        var response = await PostJsonAsync("/api/appointments", new { sessionId = TestCatalog.Session(1), patientId = patient, channel = 99 }, "channel-99");

        await AssertFieldErrorAsync(response, "channel");
        Assert.Equal(before, await RowCountsAsync());
    }

    [ContractFact]
    public async Task PostPatient_WithAnInvalidIdNumberAndPhone_Returns400WithBothFieldErrorsAndWritesNothing()
    {
        var before = await RowCountsAsync();
        var wrongCheck = TestIdNumbers.Number(1)[..17] + (TestIdNumbers.Number(1)[17] == '0' ? '1' : '0');

        await AccountTokenAsync();
        var response = await Client.PostAsJsonAsync("/api/patients", new { name = "张三", idNumber = wrongCheck, phone = "2380013800", relationship = "Self" });

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest, "request.invalid");
        var errors = problem.GetProperty("errors");
        Assert.Equal(["idNumber", "phone"], errors.EnumerateObject().Select(e => e.Name).Order());
        Assert.Equal(before, await RowCountsAsync());
    }

    [ContractFact]
    public async Task PostPatient_TheSamePersonTwice_Returns201ThenTheSamePatientWith200AndOneLink()
    {
        var body = new { name = "张三", idNumber = "11010519491231002X", phone = AccountPhone, relationship = "Parent" };
        await AccountTokenAsync();

        var first = await Client.PostAsJsonAsync("/api/patients", body);
        var second = await Client.PostAsJsonAsync("/api/patients", body);

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.OK), (first.StatusCode, second.StatusCode));
        var (a, b) = (await first.Content.ReadFromJsonAsync<JsonElement>(), await second.Content.ReadFromJsonAsync<JsonElement>());
        Assert.Equal(a.GetProperty("id").GetString(), b.GetProperty("id").GetString());
        Assert.DoesNotContain("11010519491231002X", await second.Content.ReadAsStringAsync());
        Assert.Equal(1, await ScalarAsync("SELECT COUNT(*) FROM patients"));
        Assert.Equal(1, await ScalarAsync("SELECT COUNT(*) FROM account_patients"));
    }

    [ContractTheory]
    [InlineData("GET", "")]
    [InlineData("GET", "/refund-quote")]
    [InlineData("POST", "/pay")]
    [InlineData("POST", "/cancel")]
    public async Task AppointmentEndpoints_WithAGarbageId_Return404AppointmentNotFoundAndWriteNothing(string method, string suffix)
    {
        await AccountTokenAsync();
        var before = await RowCountsAsync();

        var response = await Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), $"/api/appointments/not-an-appointment{suffix}"));

        await AssertProblemAsync(response, HttpStatusCode.NotFound, "appointment.not_found");
        Assert.Equal(before, await RowCountsAsync());
    }

    private Task<HttpResponseMessage> PostJsonAsync(string url, object body, string idempotencyKey) =>
        Client.SendAsync(new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = JsonContent.Create(body),
            Headers = { { "Idempotency-Key", idempotencyKey } },
        });

    /// <summary>A 400 whose field errors name <paramref name="field"/>.</summary>
    private static async Task AssertFieldErrorAsync(HttpResponseMessage response, string field)
    {
        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest, "request.invalid");
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"No error for {field}: {problem}");
    }

    private static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        var problem = await ProblemResponse.ReadAsync(response);
        Assert.Equal(code, problem.Code());
        return problem;
    }
}

public sealed class SqliteBadInputContract(SqliteDatabaseFixture fixture) : BadInputContract(fixture), IClassFixture<SqliteDatabaseFixture>;

[RequiresMariaDb]
public sealed class MariaDbBadInputContract(MariaDbDatabaseFixture fixture) : BadInputContract(fixture), IClassFixture<MariaDbDatabaseFixture>;
