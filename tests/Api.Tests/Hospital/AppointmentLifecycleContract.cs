using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hospital.Grains.Abstractions.Booking;
using Hospital.TestSupport.Contracts;
using Hospital.TestSupport.Databases;
using Hospital.TestSupport.Hospital;
using Hospital.TestSupport.MariaDb;

namespace Hospital.Api.Tests.Hospital;

/// <summary>An appointment's life through HTTP: release gate, payment, refund, expiry, reschedule and doctor stop.</summary>
public abstract class AppointmentLifecycleContract(TestDatabaseFixture fixture) : HospitalApiContractBase(fixture)
{
    [ContractFact]
    public async Task PostAppointment_BeforeTheSessionOpens_Returns409NotReleasedWithOpensAtThen201OnceOpen()
    {
        var patient = await RegisterPatientAsync();
        var nextWeek = TestCatalog.Session(7);

        var early = await PostAppointmentAsync(Client, nextWeek, patient, "early");
        Clock.Advance(TimeSpan.FromMinutes(30));
        var open = await PostAppointmentAsync(Client, nextWeek, patient, "early");

        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        var problem = await ProblemResponse.ReadAsync(early);
        Assert.Equal("session.not_released", problem.Code());
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 7, 0, 0, TimeSpan.FromHours(8)), problem.GetProperty("opensAt").GetDateTimeOffset());
        Assert.Equal(HttpStatusCode.Created, open.StatusCode);
    }

    [ContractFact]
    public async Task Pay_AHeldAppointment_Returns200BookedAndStoresThePayment()
    {
        var patient = await RegisterPatientAsync();
        var held = await HoldAsync(TestCatalog.Session(1), patient);

        var paid = await Client.PostAsync($"/api/appointments/{held.Id}/pay", null);
        var read = await Client.GetFromJsonAsync<AppointmentView>($"/api/appointments/{held.Id}", Json);

        Assert.Equal(HttpStatusCode.OK, paid.StatusCode);
        Assert.Equal(AppointmentStatus.Booked, (await paid.Content.ReadFromJsonAsync<AppointmentView>(Json))!.Status);
        Assert.Equal(AppointmentStatus.Booked, read!.Status);
        Assert.Equal(1, await ScalarAsync("SELECT COUNT(*) FROM payments WHERE appointment_id = @Id", new { held.Id }));
    }

    [ContractFact]
    public async Task Cancel_ABookingBeforeTheFreeCutoff_QuotesAndRefundsTheFullFee()
    {
        var patient = await RegisterPatientAsync();
        var booked = await BookAsync(TestCatalog.Session(1), patient);

        var quote = await Client.GetFromJsonAsync<RefundQuote>($"/api/appointments/{booked.Id}/refund-quote", Json);
        var cancelled = await Client.PostAsync($"/api/appointments/{booked.Id}/cancel", null);

        Assert.Equal((true, TestCatalog.Fee, 0m), (quote!.Cancellable, quote.Refund, quote.Charge));
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        var view = (await cancelled.Content.ReadFromJsonAsync<AppointmentView>(Json))!;
        Assert.Equal((AppointmentStatus.Cancelled, TestCatalog.Fee), (view.Status, view.RefundAmount));
        Assert.Equal(1, await ScalarAsync("SELECT COUNT(*) FROM refunds WHERE appointment_id = @Id", new { booked.Id }));
    }

    [ContractFact]
    public async Task Pay_AfterTheHoldExpired_Returns409AndTheAppointmentStaysUnpaid()
    {
        var patient = await RegisterPatientAsync();
        var held = await HoldAsync(TestCatalog.Session(1), patient);
        Clock.Advance(TimeSpan.FromMinutes(16));

        var late = await Client.PostAsync($"/api/appointments/{held.Id}/pay", null);

        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Equal("hold.expired", (await ProblemResponse.ReadAsync(late)).Code());
        Assert.Equal(0, await ScalarAsync("SELECT COUNT(*) FROM payments"));
    }

    [ContractFact]
    public async Task Reschedule_ABooking_MarksTheOldRescheduledAndBooksTheNewSession()
    {
        var patient = await RegisterPatientAsync();
        var booked = await BookAsync(TestCatalog.Session(1), patient);
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/appointments/{booked.Id}/reschedule")
        {
            Content = JsonContent.Create(new { sessionId = TestCatalog.Session(2) }),
            Headers = { { "Idempotency-Key", "move-1" } },
        };

        var response = await Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var moved = (await response.Content.ReadFromJsonAsync<AppointmentView>(Json))!;
        var old = await Client.GetFromJsonAsync<AppointmentView>($"/api/appointments/{booked.Id}", Json);
        Assert.Equal((TestCatalog.Session(2), AppointmentStatus.Booked), (moved.SessionId, moved.Status));
        Assert.Equal(AppointmentStatus.Rescheduled, old!.Status);
    }

    [ContractFact]
    public async Task StopSession_ThroughTheAdminApi_CancelsEveryAppointmentByHospital()
    {
        var session = TestCatalog.Session(1);
        var booked = await BookAsync(session, await RegisterPatientAsync(1));
        var held = await HoldAsync(session, await RegisterPatientAsync(2));

        var response = await Client.SendAsync(Admin(HttpMethod.Post, $"/api/admin/sessions/{session}/stop", new { reason = "医生临时停诊" }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("cancelledAppointments").GetInt32());
        foreach (var id in new[] { booked.Id, held.Id })
            Assert.Equal(AppointmentStatus.CancelledByHospital, (await Client.GetFromJsonAsync<AppointmentView>($"/api/appointments/{id}", Json))!.Status);
        Assert.All(await AppointmentRowsAsync(session), row => Assert.Equal("CancelledByHospital", row.Status));
    }

    [ContractTheory]
    [InlineData(null)]
    [InlineData("not-a-token")]
    public async Task StopSession_WithoutAValidToken_Returns401AndCancelsNothing(string? token)
    {
        var session = TestCatalog.Session(1);
        var booked = await BookAsync(session, await RegisterPatientAsync());

        var response = await App.CreateClient().SendAsync(WithToken(HttpMethod.Post, $"/api/admin/sessions/{session}/stop", token, new { reason = "x" }));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("auth.unauthenticated", (await ProblemResponse.ReadAsync(response)).Code());
        Assert.Equal([(booked.Id, "Booked")], (await AppointmentRowsAsync(session)).Select(r => (r.Id, r.Status)));
    }
}

public sealed class SqliteAppointmentLifecycleContract(SqliteDatabaseFixture fixture) : AppointmentLifecycleContract(fixture), IClassFixture<SqliteDatabaseFixture>;

[RequiresMariaDb]
public sealed class MariaDbAppointmentLifecycleContract(MariaDbDatabaseFixture fixture) : AppointmentLifecycleContract(fixture), IClassFixture<MariaDbDatabaseFixture>;
