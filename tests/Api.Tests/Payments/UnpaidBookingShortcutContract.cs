using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Hospital.Api.Apis;
using Hospital.Api.Tests.Hospital;
using Hospital.Grains.Abstractions.Booking;
using Hospital.TestSupport.Contracts;
using Hospital.TestSupport.Databases;
using Hospital.TestSupport.Hospital;
using Hospital.TestSupport.MariaDb;

namespace Hospital.Api.Tests.Payments;

/// <summary>
/// POST /api/appointments/{id}/pay books without money. Outside Development and load runs a patient must pay through the
/// gateway instead; a window clerk, who takes the money at the window, still books with it.
/// </summary>
public abstract class UnpaidBookingShortcutContract(TestDatabaseFixture fixture) : HospitalApiContractBase(fixture)
{
    [ContractFact]
    public async Task Pay_ByAPatientWithTheShortcutOff_IsRefused_AndTheHoldStaysUnpaid()
    {
        var app = StartApp(new Dictionary<string, string?> { ["Payments:UnpaidBookingShortcut"] = "false" });
        var client = app.CreateClient();
        var patient = (await RegisterPatientsAsync(app, 1))[0];
        var held = (await (await PostAppointmentAsync(client, TestCatalog.Session(1), patient, "shortcut-off")).Content.ReadFromJsonAsync<AppointmentView>(Json))!;

        var paid = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/appointments/{held.Id}/pay")
        {
            Headers = { Authorization = new AuthenticationHeaderValue("Bearer", TokenOf(patient)) },
        });

        Assert.Equal(HttpStatusCode.Conflict, paid.StatusCode);
        Assert.Equal(AppointmentsApi.PayThroughGatewayCode, (await ProblemResponse.ReadAsync(paid)).Code());
        Assert.Equal([(held.Id, held.SlotNo, "Held")], await AppointmentRowsAsync(TestCatalog.Session(1)));
    }
}

public sealed class SqliteUnpaidBookingShortcutContract(SqliteDatabaseFixture fixture)
    : UnpaidBookingShortcutContract(fixture), IClassFixture<SqliteDatabaseFixture>;

[RequiresMariaDb]
public sealed class MariaDbUnpaidBookingShortcutContract(MariaDbDatabaseFixture fixture)
    : UnpaidBookingShortcutContract(fixture), IClassFixture<MariaDbDatabaseFixture>;
