using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Hospital.Api.Tests.Hospital;
using Hospital.Api.Tests.Metrics;
using Hospital.Grains.Abstractions.Booking;
using Hospital.Grains.Abstractions.Payments;
using Hospital.Grains.Catalog;
using Hospital.Silo.Payments;
using Hospital.TestSupport.Contracts;
using Hospital.TestSupport.Databases;
using Hospital.TestSupport.Hospital;
using Hospital.TestSupport.MariaDb;
using Microsoft.Extensions.DependencyInjection;

namespace Hospital.Api.Tests.Payments;

/// <summary>
/// Paying through the gateway over HTTP: the order, the sandbox cashier, signed notifications (refused when forged, stale or
/// replayed), duplicates and out-of-order ones, the active query, closing on hold expiry and the refund of a late payment.
/// </summary>
public abstract partial class PaymentsContract(TestDatabaseFixture fixture) : HospitalApiContractBase(fixture)
{
    private static readonly string SessionId = TestCatalog.Session(1, TestCatalog.SharedDoctor);

    [ContractFact]
    public async Task FullFlow_OrderThenCashierPay_NotificationBooksTheAppointment()
    {
        var (app, client) = (App, Client);
        var patient = await RegisterPatientAsync();
        var held = await HoldAsync(SessionId, patient);

        var order = await OpenOrderAsync(client, held.Id, patient);
        var page = await client.GetStringAsync(order.CashierUrl);
        var paid = await client.PostAsync(order.CashierUrl, new FormUrlEncodedContent(new Dictionary<string, string> { ["action"] = "pay" }));

        Assert.Equal(PaymentStatus.Pending, order.Status);
        Assert.StartsWith("sandboxpay://pay?order=", order.QrPayload);
        Assert.Contains("50.00 CNY", page);
        Assert.Equal(HttpStatusCode.OK, paid.StatusCode);
        var booked = await Eventually.ReturnsAsync(() => AppointmentAsync(client, held.Id, patient), a => a.Status == AppointmentStatus.Booked);
        Assert.Equal(AppointmentStatus.Booked, booked.Status);
        var seen = await (await client.SendAsync(WithToken(HttpMethod.Get, $"/api/appointments/{held.Id}/payments", TokenOf(patient))))
            .Content.ReadFromJsonAsync<PaymentOrderView>(Json);
        Assert.Equal(PaymentStatus.Paid, seen!.Status);
        Assert.Equal(1, await ScalarAsync("SELECT COUNT(*) FROM payments WHERE id = @id", new { id = order.OrderId }));
        // Created, opened, then paid with its slot booked in one write.
        await using var connection = await Database.ConnectionFactory.OpenConnectionAsync();
        Assert.Equal(["Created", "Pending", "Paid"],
            await connection.QueryAsync<string>("SELECT to_status FROM payment_events WHERE order_id = @id ORDER BY id", new { id = order.OrderId }));
        Assert.Equal(1, await ScalarAsync( // the gateway's confirmation booked the hold, and the audit says so
            "SELECT COUNT(*) FROM appointment_audit WHERE appointment_id = @id AND to_status = 'Booked' AND actor = 'gateway:sandbox'", new { id = held.Id }));
        // What an operator sees of it: the payment's writes went through the node's shared writer ("at least": every host
        // of this test process exports its series, and other tests run alongside).
        var metrics = await client.GetStringAsync("/metrics");
        Assert.True(PrometheusText.Sum(metrics, "hospital_silo_shared_writer_units_total") >= 3);
        Assert.True(PrometheusText.Sum(metrics, "hospital_silo_shared_writer_transaction_duration_seconds_count") >= 1);
    }

    [ContractFact]
    public async Task Paying_WritesOneChineseConfirmation_ThatAddressesThePatientByFamilyName()
    {
        var client = Client;
        var (_, held, order) = await HoldWithOpenOrderAsync();

        await client.PostAsync(order.CashierUrl, new FormUrlEncodedContent(new Dictionary<string, string> { ["action"] = "pay" }));
        var messages = await Eventually.ReturnsAsync(() => ConfirmationsAsync(held.Id), m => m.Count > 0);
        await client.SendAsync(Callback(Notification(order, SandboxNotification.Success), Clock.GetUtcNow().ToUnixTimeSeconds()));

        var slot = HospitalTime.China.ToLocal(held.SlotTime);
        Assert.Equal(
            $"张女士您好，您已成功预约11月24日（星期二）上午心血管内科测试医生2主任医师的门诊，第{held.SlotNo}号，预计{slot:HH:mm}就诊。" +
            $"请于当天{slot.AddHours(-1):HH:mm}至{slot.AddMinutes(30):HH:mm}到门诊楼2层A区1诊室报到（在自助机扫描电子就诊凭证的二维码，或在窗口出示就诊码），" +
            "逾时未报到将记为爽约。就诊请携带就诊人的身份证和医保卡。" +
            "如需取消，请在11月23日16:00前在“我的预约”中操作，可全额退费；之后至就诊前取消将扣除挂号费的20%，就诊开始后不能取消。祝您早日康复！",
            Assert.Single(messages));
        Assert.Single(await ConfirmationsAsync(held.Id)); // the duplicate notification booked nothing new and told nobody twice
    }

    [ContractFact]
    public async Task OpenOrder_Again_AnswersTheSameOrder()
    {
        var client = Client;
        var patient = await RegisterPatientAsync();
        var held = await HoldAsync(SessionId, patient);

        var first = await OpenOrderAsync(client, held.Id, patient);
        var second = await OpenOrderAsync(client, held.Id, patient);

        Assert.Equal(first with { UpdatedAt = second.UpdatedAt, Refunds = second.Refunds }, second);
        Assert.Equal(1, await ScalarAsync("SELECT COUNT(*) FROM payment_orders"));
    }

    [ContractFact]
    public async Task OpenOrder_OfAnExpiredHold_IsRefused()
    {
        var client = Client;
        var patient = await RegisterPatientAsync();
        var held = await HoldAsync(SessionId, patient);
        Clock.Advance(TimeSpan.FromMinutes(16));

        var response = await client.SendAsync(WithToken(HttpMethod.Post, $"/api/appointments/{held.Id}/payments", TokenOf(patient)));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(0, await ScalarAsync("SELECT COUNT(*) FROM payment_orders"));
        var none = await client.SendAsync(WithToken(HttpMethod.Get, $"/api/appointments/{held.Id}/payments", TokenOf(patient)));
        Assert.Equal("payment.not_found", (await ProblemResponse.ReadAsync(none)).Code());
    }

    [ContractFact]
    public async Task Callback_Forged_Stale_OrReplayed_IsRefusedAndChangesNothing()
    {
        _notificationsLost = true;
        var client = Client;
        var (patient, held, order) = await HoldWithOpenOrderAsync();
        var body = Notification(order, SandboxNotification.Success);
        var now = Clock.GetUtcNow().ToUnixTimeSeconds();

        var forged = await client.SendAsync(Callback(body, now, nonce: "n1", signature: SandboxSignature.Sign("not-the-secret-not-the-secret-0123456789", now.ToString(), "n1", body)));
        var stale = await client.SendAsync(Callback(body, now - 301));
        var unsigned = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, SandboxNotifier.CallbackPath) { Content = new StringContent(body, new MediaTypeHeaderValue("application/json")) });
        var events = await ScalarAsync("SELECT COUNT(*) FROM payment_events");

        Assert.All([forged, stale, unsigned], r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode));
        Assert.Equal("payment.signature_invalid", (await forged.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(AppointmentStatus.Held, (await AppointmentAsync(client, held.Id, patient)).Status);
        Assert.Equal(2, events); // created, opened

        var genuine = Callback(body, now, nonce: "replayed-nonce");
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(genuine)).StatusCode);
        var eventsAfterGenuine = await ScalarAsync("SELECT COUNT(*) FROM payment_events");
        var replay = await client.SendAsync(Callback(body, now, nonce: "replayed-nonce"));
        Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);
        Assert.Equal(eventsAfterGenuine, await ScalarAsync("SELECT COUNT(*) FROM payment_events"));
    }

    [ContractFact]
    public async Task DuplicateAndOutOfOrderNotifications_BookOnce_AndAFailureAfterThePaymentStaysPaid()
    {
        _notificationsLost = true;
        var (app, client) = (App, Client);
        var (patient, held, order) = await HoldWithOpenOrderAsync();
        var now = Clock.GetUtcNow().ToUnixTimeSeconds();

        var answers = new List<HttpResponseMessage>();
        foreach (var state in new[] { SandboxNotification.Success, SandboxNotification.Success, SandboxNotification.Failed })
            answers.Add(await client.SendAsync(Callback(Notification(order, state), now)));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.Equal(PaymentStatus.Paid, (await Order(app, held.Id).GetAsync()).Status);
        Assert.Equal(AppointmentStatus.Booked, (await AppointmentAsync(client, held.Id, patient)).Status);
        Assert.Equal(1, await ScalarAsync("SELECT COUNT(*) FROM payments WHERE appointment_id = @id", new { id = held.Id }));
        Assert.Equal(1, await ScalarAsync("SELECT COUNT(*) FROM appointment_audit WHERE appointment_id = @id AND to_status = 'Booked'", new { id = held.Id }));
    }

    [ContractFact]
    public async Task ManyDuplicateNotifications_InParallel_BookExactlyOnce()
    {
        _notificationsLost = true;
        var client = Client;
        var (patient, held, order) = await HoldWithOpenOrderAsync();
        var body = Notification(order, SandboxNotification.Success);
        var now = Clock.GetUtcNow().ToUnixTimeSeconds();

        var answers = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => client.SendAsync(Callback(body, now))));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.Equal(AppointmentStatus.Booked, (await AppointmentAsync(client, held.Id, patient)).Status);
        Assert.Equal(1, await ScalarAsync("SELECT COUNT(*) FROM payments WHERE appointment_id = @id", new { id = held.Id }));
        Assert.Equal(1, await ScalarAsync("SELECT COUNT(*) FROM payment_events WHERE order_id = @id AND to_status = 'Paid' AND from_status = 'Pending'",
            new { id = order.OrderId }));
    }

    [ContractFact]
    public async Task LostNotification_TheActiveQueryBooks()
    {
        _notificationsLost = true;
        var (app, client) = (App, Client);
        var (patient, held, order) = await HoldWithOpenOrderAsync();
        await client.PostAsync(order.CashierUrl, new FormUrlEncodedContent(new Dictionary<string, string> { ["action"] = "pay" }));

        await app.Services.GetRequiredService<PaymentSweep>().SweepAsync();
        Assert.Equal(AppointmentStatus.Held, (await AppointmentAsync(client, held.Id, patient)).Status); // not due for a query yet
        Clock.Advance(TimeSpan.FromMinutes(2));
        await app.Services.GetRequiredService<PaymentSweep>().SweepAsync();

        Assert.Equal(AppointmentStatus.Booked, (await AppointmentAsync(client, held.Id, patient)).Status);
        Assert.Equal(PaymentStatus.Paid, (await Order(app, held.Id).GetAsync()).Status);
    }

    [ContractFact]
    public async Task HoldExpiry_ClosesTheUnpaidOrder_AtTheGatewayToo()
    {
        _notificationsLost = true;
        var (app, client) = (App, Client);
        var (patient, held, order) = await HoldWithOpenOrderAsync();

        Clock.Advance(TimeSpan.FromMinutes(16));
        await app.Services.GetRequiredService<PaymentSweep>().SweepAsync();
        var pay = await client.PostAsync(order.CashierUrl, new FormUrlEncodedContent(new Dictionary<string, string> { ["action"] = "pay" }));

        Assert.Equal(PaymentStatus.Closed, (await Order(app, held.Id).GetAsync()).Status);
        Assert.Equal(GatewayPaymentState.Closed, (await app.Services.GetRequiredService<SandboxGateway>().FindAsync(order.OrderId))!.State);
        Assert.Contains("can no longer be paid", await pay.Content.ReadAsStringAsync());
    }

    [ContractFact]
    public async Task LatePayment_AfterTheHoldExpired_IsRefundedAndThePatientTold()
    {
        _notificationsLost = true;
        var (app, client) = (App, Client);
        var (patient, held, order) = await HoldWithOpenOrderAsync();
        await client.PostAsync(order.CashierUrl, new FormUrlEncodedContent(new Dictionary<string, string> { ["action"] = "pay" }));

        // The notification comes only after the hold ended.
        Clock.Advance(TimeSpan.FromMinutes(16));
        var answer = await client.SendAsync(Callback(Notification(order, SandboxNotification.Success), Clock.GetUtcNow().ToUnixTimeSeconds()));

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal(PaymentStatus.Refunded, (await Order(app, held.Id).GetAsync()).Status);
        Assert.Equal(order.Amount, (await app.Services.GetRequiredService<SandboxGateway>().FindAsync(order.OrderId))!.Refunded);
        Assert.NotEqual(AppointmentStatus.Booked, (await AppointmentAsync(client, held.Id, patient)).Status);
        Assert.Equal(0, await ScalarAsync("SELECT COUNT(*) FROM payments WHERE appointment_id = @id", new { id = held.Id }));
        Assert.Equal(1, await ScalarAsync("SELECT COUNT(*) FROM notifications WHERE appointment_id = @id AND kind = 'payment.refunded'", new { id = held.Id }));
    }

    [ContractFact]
    public async Task PaymentSweep_ForgetsTheNoncesOfCallbacksOutOfTheReplayWindow()
    {
        _notificationsLost = true;
        var (app, client) = (App, Client);
        var (_, _, order) = await HoldWithOpenOrderAsync();
        var answer = await client.SendAsync(Callback(Notification(order, SandboxNotification.Failed), Clock.GetUtcNow().ToUnixTimeSeconds()));
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);

        await app.Services.GetRequiredService<PaymentSweep>().SweepAsync();
        var kept = await ScalarAsync("SELECT COUNT(*) FROM payment_callback_nonces");
        Clock.Advance(SandboxCallbackVerifier.Window + TimeSpan.FromMinutes(1));
        await app.Services.GetRequiredService<PaymentSweep>().SweepAsync();

        Assert.True(kept >= 1);
        Assert.Equal(0, await ScalarAsync("SELECT COUNT(*) FROM payment_callback_nonces"));
    }

    private volatile bool _notificationsLost;

    /// <summary>The sandbox gateway posts its notifications to the app itself, unless the test has them lost on the way.</summary>
    protected override void ConfigureAppServices(IServiceCollection services) => GatewayLine.Connect(services, () => _notificationsLost);

    private static IPaymentGrain Order(HospitalApiFactory app, string appointmentId) =>
        app.Services.GetRequiredService<IGrainFactory>().GetGrain<IPaymentGrain>(PaymentOrderId.For(appointmentId));

    /// <summary>A patient on the account, a hold of theirs, and the hold's open payment order.</summary>
    private async Task<(string Patient, AppointmentView Held, PaymentOrderView Order)> HoldWithOpenOrderAsync()
    {
        var patient = await RegisterPatientAsync();
        var held = await HoldAsync(SessionId, patient);
        return (patient, held, await OpenOrderAsync(Client, held.Id, patient));
    }

    private async Task<PaymentOrderView> OpenOrderAsync(HttpClient client, string appointmentId, string patientId)
    {
        var response = await client.SendAsync(WithToken(HttpMethod.Post, $"/api/appointments/{appointmentId}/payments", TokenOf(patientId)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<PaymentOrderView>(Json))!;
    }

    private async Task<AppointmentView> AppointmentAsync(HttpClient client, string appointmentId, string patientId) =>
        (await (await client.SendAsync(WithToken(HttpMethod.Get, $"/api/appointments/{appointmentId}", TokenOf(patientId))))
            .Content.ReadFromJsonAsync<AppointmentView>(Json))!;

    private async Task<List<string>> ConfirmationsAsync(string appointmentId)
    {
        await using var connection = await Database.ConnectionFactory.OpenConnectionAsync();
        return [.. await connection.QueryAsync<string>("SELECT message FROM notifications WHERE appointment_id = @appointmentId AND kind = 'appointment.booked'",
            new { appointmentId })];
    }

    private static string Notification(PaymentOrderView order, string state) =>
        JsonSerializer.Serialize(new SandboxNotification(order.OrderId, state, state == SandboxNotification.Success ? "SBXTEST0001" : null, order.Amount));

    /// <summary>A notification as the gateway signs it (a fresh nonce unless given), or with the given signature.</summary>
    private static HttpRequestMessage Callback(string body, long timestamp, string? nonce = null, string? signature = null)
    {
        nonce ??= Guid.NewGuid().ToString("N");
        var request = new HttpRequestMessage(HttpMethod.Post, SandboxNotifier.CallbackPath)
        {
            Content = new StringContent(body, new MediaTypeHeaderValue("application/json")),
        };
        request.Headers.Add(SandboxSignature.TimestampHeader, timestamp.ToString());
        request.Headers.Add(SandboxSignature.NonceHeader, nonce);
        request.Headers.Add(SandboxSignature.SignatureHeader, signature ?? SandboxSignature.Sign(HospitalApiFactory.SandboxSecret, timestamp.ToString(), nonce, body));
        return request;
    }
}

public sealed class SqlitePaymentsContract(SqliteDatabaseFixture fixture) : PaymentsContract(fixture), IClassFixture<SqliteDatabaseFixture>;

[RequiresMariaDb]
public sealed class MariaDbPaymentsContract(MariaDbDatabaseFixture fixture) : PaymentsContract(fixture), IClassFixture<MariaDbDatabaseFixture>;
