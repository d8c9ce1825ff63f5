using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Hospital.Api.Tests.Hospital;
using Hospital.Grains.Abstractions.Accounts;
using Hospital.TestSupport.Contracts;
using Hospital.TestSupport.Databases;
using Hospital.TestSupport.Hospital;
using Hospital.TestSupport.MariaDb;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hospital.Api.Tests.Accounts;

/// <summary>A patient's full record: for the patient's own accounts, and for admins and clerks with a reason that is audited.</summary>
public abstract class PatientRecordContract(TestDatabaseFixture fixture) : HospitalApiContractBase(fixture)
{
    [ContractFact]
    public async Task Record_ForThePatientsOwnAccount_ShowsNameAndPhoneUnmasked_AndForAnotherAccountIs404()
    {
        var patient = await RegisterPatientAsync();
        var other = (await SignInAccountAsync(App, TestPhone(70))).AccessToken;

        var own = await Client.SendAsync(WithToken(HttpMethod.Get, $"/api/patients/{patient}/record", TokenOf(patient)));
        var foreign = await Client.SendAsync(WithToken(HttpMethod.Get, $"/api/patients/{patient}/record", other));

        var record = await own.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("张三", AccountPhone), (record.GetProperty("name").GetString(), record.GetProperty("phone").GetString()));
        Assert.Equal("404 patient.not_found", $"{(int)foreign.StatusCode} {(await ProblemResponse.ReadAsync(foreign)).Code()}");
    }

    [ContractFact]
    public async Task StaffRecord_WithAReason_IsShownAfterAnAuditRowAndALogEventWithTheMaskedIdNumber()
    {
        var logs = new CapturedLogs();
        var client = StartApp(configureServices: services => services.AddSingleton<ILoggerProvider>(logs)).CreateClient();
        var patient = await RegisterPatientAsync();
        const string reason = "窗口核对身份";

        var response = await client.SendAsync(WithToken(HttpMethod.Get, $"/api/staff/patients/{patient}/record?reason={Uri.EscapeDataString(reason)}",
            TestTokens.Staff(Clock, HospitalRoles.WindowClerk, [TestCatalog.DepartmentId])));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(AccountPhone, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("phone").GetString());
        await using var connection = await Database.ConnectionFactory.OpenConnectionAsync();
        var audit = await connection.QuerySingleAsync<(string PatientId, string Reason)>("SELECT patient_id, reason FROM patient_record_access");
        Assert.Equal((patient, reason), audit);
        var logged = Assert.Single(logs.Entries, e => e.Message.Contains("read the full record", StringComparison.Ordinal));
        Assert.Contains(TestIdNumbers.Number(1)[0] + "****************" + TestIdNumbers.Number(1)[^1], logged.Message);
        Assert.DoesNotContain(reason, logged.Message);
    }

    [ContractFact]
    public async Task StaffRecord_WithoutAReason_Is400AndAuditsNothing_AndADoctorIsRefused()
    {
        var patient = await RegisterPatientAsync();

        var noReason = await Client.SendAsync(Admin(HttpMethod.Get, $"/api/staff/patients/{patient}/record?reason=%20"));
        var doctor = await Client.SendAsync(WithToken(HttpMethod.Get, $"/api/staff/patients/{patient}/record?reason=x",
            TestTokens.Staff(Clock, HospitalRoles.Doctor, [TestCatalog.DepartmentId], TestCatalog.SharedDoctor)));

        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.True((await ProblemResponse.ReadAsync(noReason)).GetProperty("errors").TryGetProperty("reason", out _));
        Assert.Equal(HttpStatusCode.Forbidden, doctor.StatusCode);
        Assert.Equal(0, await ScalarAsync("SELECT COUNT(*) FROM patient_record_access"));
    }
}

public sealed class SqlitePatientRecordContract(SqliteDatabaseFixture fixture) : PatientRecordContract(fixture), IClassFixture<SqliteDatabaseFixture>;

[RequiresMariaDb]
public sealed class MariaDbPatientRecordContract(MariaDbDatabaseFixture fixture) : PatientRecordContract(fixture), IClassFixture<MariaDbDatabaseFixture>;
