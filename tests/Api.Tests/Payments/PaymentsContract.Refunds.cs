using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Hospital.Api.Tests.Hospital;
using Hospital.Grains.Abstractions.Booking;
using Hospital.Grains.Abstractions.Payments;
using Hospital.Grains.Payments;
using Hospital.Silo.Payments;
using Hospital.TestSupport.Contracts;
using Hospital.TestSupport.Hospital;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Hospital.Api.Tests.Payments;

/// <summary>
/// The insurance split shown before paying, and refunds part by part: each part back by its own path, with its own signed
/// notifications (duplicate, out of order, late), retried when it fails and surfaced to admins after its retries, never paid
/// twice. The test doctor is a chief physician, so the 50.00 fee is an expert fee: employee insurance splits it 20 / 15 / 15.
/// </summary>
public abstract partial class PaymentsContract
{
    [ContractTheory]
    [InlineData(InsuranceType.Employee, 20, 15, 15)]
    [InlineData(InsuranceType.Resident, 20, 0, 30)]
    [InlineData(InsuranceType.SelfPay, 0, 0, 50)]
    public async Task OpenOrder_WithInsurance_ShowsTheSplitBeforePaying_AndRecordsIt(InsuranceType insurance, decimal pooled, decimal personal, decimal self)
    {
        _notificationsLost = true;
        var patient = await RegisterPatientAsync();
        var held = await HoldAsync(SessionId, patient);

        var order = await OpenOrderAsync(held.Id, patient, insurance);

        Assert.Equal((insurance, FeeType.Expert, new PaymentSplit(pooled, personal, self)), (order.InsuranceType, order.FeeType, order.Split));
        Assert.Equal(1, await ScalarAsync(
            "SELECT COUNT(*) FROM payment_orders WHERE id = @id AND insurance_type = @insurance AND fee_type = 'Expert' AND pooled_fund_amount = @pooled " +
            "AND personal_account_amount = @personal AND self_pay_amount = @self", new { id = order.OrderId, insurance = insurance.ToString(), pooled, personal, self }));
        Assert.Contains($"you pay {self:0.00}", await Client.GetStringAsync(order.CashierUrl));
    }

    [ContractTheory]
    [InlineData("""{"insuranceType":99}""")]
    [InlineData("""{"insuranceType":"Commercial"}""")]
    public async Task OpenOrder_WithAnUnknownInsurance_IsRefused_AndOpensNothing(string body)
    {
        var patient = await RegisterPatientAsync();
        var held = await HoldAsync(SessionId, patient);
        var request = WithToken(HttpMethod.Post, $"/api/appointments/{held.Id}/payments", TokenOf(patient));
        request.Content = new StringContent(body, new MediaTypeHeaderValue("application/json"));

        var response = await Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await ScalarAsync("SELECT COUNT(*) FROM payment_orders"));
    }

    [ContractFact]
    public async Task LateCancellation_RefundsEachPartByItsOwnPath_TheFeeKeptFromSelfPay_AndThePatientSeesIt()
    {
        var (patient, held, order) = await PaidOrderAsync(InsuranceType.Employee);
        Clock.Advance(TimeSpan.FromHours(10)); // 16:30 the day before: the late tier keeps 20%

        await CancelAsync(held.Id, patient);
        await Sweep.SweepAsync();
        var seen = await Eventually.ReturnsAsync(() => PaymentsSeenByAsync(held.Id, patient), o => o.Refunds.All(r => r.Status == RefundStatus.Succeeded));

        Assert.Equal([(PaymentPart.PooledFund, 20m), (PaymentPart.PersonalAccount, 15m), (PaymentPart.SelfPay, 5m)], seen.Refunds.Select(r => (r.Part, r.Amount)));
        Assert.All(seen.Refunds, r => Assert.Equal(RefundStatus.Succeeded, r.Status));
        Assert.All((await Gateway.FindAsync(order.OrderId))!.Refunds.Values, r => Assert.Equal(1, r.PaidOut));
        Assert.Equal(40m, (await Gateway.FindAsync(order.OrderId))!.Refunds.Values.Sum(r => r.Amount));
        Assert.Equal(3, await ScalarAsync("SELECT COUNT(*) FROM payment_refund_parts WHERE refund_id = @id", new { id = $"rf-{held.Id}" }));
        Assert.Equal(1, await ScalarAsync("SELECT COUNT(*) FROM refunds WHERE id = @id AND amount = 40", new { id = $"rf-{held.Id}" }));
    }

    [ContractFact]
    public async Task RefundNotifications_Duplicate_OutOfOrder_AndLate_MoveEachPartOnce()
    {
        _notificationsLost = true;
        var (patient, held, order) = await PaidOrderAsync(InsuranceType.Employee);
        await CancelAsync(held.Id, patient);
        await Sweep.SweepAsync();
        var (pooled, personal, self) = (PartId(held.Id, PaymentPart.PooledFund), PartId(held.Id, PaymentPart.PersonalAccount), PartId(held.Id, PaymentPart.SelfPay));

        var answers = new List<HttpResponseMessage>
        {
            // A stale failure first: the gateway, asked, says the refund went through.
            await Client.SendAsync(RefundCallback(order.OrderId, pooled, SandboxNotification.Failed, 20m)),
            await Client.SendAsync(RefundCallback(order.OrderId, pooled, SandboxNotification.Success, 20m)),
            await Client.SendAsync(RefundCallback(order.OrderId, pooled, SandboxNotification.Success, 20m)),
            await Client.SendAsync(RefundCallback(order.OrderId, self, SandboxNotification.Success, 15m)),
            // A late failure after the success changes nothing.
            await Client.SendAsync(RefundCallback(order.OrderId, self, SandboxNotification.Failed, 15m)),
        };
        var beforeTheQuery = await PaymentsSeenByAsync(held.Id, patient);
        Clock.Advance(TimeSpan.FromMinutes(2)); // the personal account's notice never came: the sweep asks
        await Sweep.SweepAsync();

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.Equal(RefundStatus.Processing, beforeTheQuery.Refunds.Single(r => r.RefundId == personal).Status);
        Assert.All((await PaymentsSeenByAsync(held.Id, patient)).Refunds, r => Assert.Equal(RefundStatus.Succeeded, r.Status));
        foreach (var part in new[] { pooled, personal, self })
            Assert.Equal(1, await ScalarAsync("SELECT COUNT(*) FROM payment_refund_events WHERE refund_part_id = @part AND to_status = 'Succeeded'", new { part }));
        var wrongAmount = await Client.SendAsync(RefundCallback(order.OrderId, self, SandboxNotification.Success, 14m));
        Assert.Equal(HttpStatusCode.Conflict, wrongAmount.StatusCode);
    }

    [ContractFact]
    public async Task RefundFailure_IsRetried_ThenSurfacesToAdmins_AndAnAdminRetryPaysItBack()
    {
        _notificationsLost = true;
        SandboxOptions.RefundFailureRate = 1;
        var (patient, held, order) = await PaidOrderAsync(InsuranceType.SelfPay);
        var part = PartId(held.Id, PaymentPart.SelfPay);
        await CancelAsync(held.Id, patient);
        await Sweep.SweepAsync(); // attempt 1

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            Clock.Advance(TimeSpan.FromMinutes(2)); // asked after: failed
            await Sweep.SweepAsync();
            if (attempt == 5) break;
            Clock.Advance(TimeSpan.FromMinutes(5)); // retried
            await Sweep.SweepAsync();
        }
        var surfaced = await (await Client.SendAsync(Admin(HttpMethod.Get, "/api/admin/refunds/surfaced"))).Content.ReadFromJsonAsync<List<SurfacedRefund>>(Json);
        var seenFailed = await PaymentsSeenByAsync(held.Id, patient);
        var blankReason = await Client.SendAsync(Admin(HttpMethod.Post, $"/api/admin/refunds/{order.OrderId}/{part}/retry", new { reason = "" }));
        SandboxOptions.RefundFailureRate = 0;
        var retried = await Client.SendAsync(Admin(HttpMethod.Post, $"/api/admin/refunds/{order.OrderId}/{part}/retry", new { reason = "银行卡已恢复" }));
        Clock.Advance(TimeSpan.FromMinutes(2));
        await Sweep.SweepAsync();

        Assert.Equal([(part, order.OrderId, held.Id, 50m, 5)], surfaced!.Select(s => (s.RefundId, s.OrderId, s.AppointmentId, s.Amount, s.Attempts)));
        Assert.Equal(RefundStatus.Failed, seenFailed.Refunds.Single().Status);
        Assert.Equal(HttpStatusCode.BadRequest, blankReason.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal(RefundStatus.Succeeded, (await PaymentsSeenByAsync(held.Id, patient)).Refunds.Single().Status);
        Assert.Equal((6, 1), ((await Gateway.FindAsync(order.OrderId))!.Refunds[part].Attempts, (await Gateway.FindAsync(order.OrderId))!.Refunds[part].PaidOut));
        Assert.Equal(1, await ScalarAsync("SELECT COUNT(*) FROM payment_refund_events WHERE refund_part_id = @part AND reason LIKE '%surfaced to admins'", new { part }));
        Assert.Equal(1, await ScalarAsync("SELECT COUNT(*) FROM payment_refund_events WHERE refund_part_id = @part AND actor LIKE 'staff:%' AND reason = 'admin retry: 银行卡已恢复'", new { part }));
        Assert.Empty((await (await Client.SendAsync(Admin(HttpMethod.Get, "/api/admin/refunds/surfaced"))).Content.ReadFromJsonAsync<List<SurfacedRefund>>(Json))!);
        var again = await Client.SendAsync(Admin(HttpMethod.Post, $"/api/admin/refunds/{order.OrderId}/{part}/retry", new { reason = "again" }));
        Assert.Equal("refund.not_surfaced", (await ProblemResponse.ReadAsync(again)).Code());
    }

    [ContractFact]
    public async Task ConcurrentSweepsAndDuplicateNotifications_AfterAFailedAttempt_PayTheRefundOutOnce()
    {
        _notificationsLost = true;
        SandboxOptions.RefundFailureRate = 1;
        var (patient, held, order) = await PaidOrderAsync(InsuranceType.SelfPay);
        var part = PartId(held.Id, PaymentPart.SelfPay);
        await CancelAsync(held.Id, patient);
        await Sweep.SweepAsync(); // attempt 1 fails at the gateway
        SandboxOptions.RefundFailureRate = 0;

        // Asked after (failed), retried (paid out), asked after again; the success notice only once the gateway paid it out.
        foreach (var (wait, paidOut) in new[] { (TimeSpan.FromMinutes(2), false), (TimeSpan.FromMinutes(5), false), (TimeSpan.FromMinutes(2), true) })
        {
            Clock.Advance(wait);
            // Sweeps on many threads at once, amid copies of the first attempt's failure notice (and of the success notice).
            var sweeps = Enumerable.Range(0, 10).Select(_ => Task.Run(() => Sweep.SweepAsync()));
            var notices = Enumerable.Range(0, 30).Select(i => Task.Run(() => Client.SendAsync(
                RefundCallback(order.OrderId, part, paidOut && i % 2 == 0 ? SandboxNotification.Success : SandboxNotification.Failed, 50m))));
            await Task.WhenAll(sweeps);
            Assert.All(await Task.WhenAll(notices), a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        }

        var refund = (await Gateway.FindAsync(order.OrderId))!.Refunds[part];
        Assert.Equal((2, 1), (refund.Attempts, refund.PaidOut));
        Assert.Equal(RefundStatus.Succeeded, (await PaymentsSeenByAsync(held.Id, patient)).Refunds.Single().Status);
        Assert.Equal(1, await ScalarAsync("SELECT COUNT(*) FROM payment_refund_events WHERE refund_part_id = @part AND to_status = 'Succeeded'", new { part }));
        Assert.Equal(1, await ScalarAsync("SELECT COUNT(*) FROM payment_refund_parts WHERE refund_id = @id", new { id = $"rf-{held.Id}" }));
    }

    [ContractFact]
    public async Task DoctorStop_RefundsEveryPartInFull_ByTheSamePath()
    {
        var (patient, held, order) = await PaidOrderAsync(InsuranceType.Employee);

        var stopped = await Client.SendAsync(Admin(HttpMethod.Post, $"/api/admin/sessions/{SessionId}/stop", new { reason = "医生临时停诊" }));
        await Sweep.SweepAsync();
        var seen = await Eventually.ReturnsAsync(() => PaymentsSeenByAsync(held.Id, patient), o => o.Refunds.All(r => r.Status == RefundStatus.Succeeded));

        Assert.Equal(HttpStatusCode.OK, stopped.StatusCode);
        Assert.Equal([(PaymentPart.PooledFund, 20m), (PaymentPart.PersonalAccount, 15m), (PaymentPart.SelfPay, 15m)], seen.Refunds.Select(r => (r.Part, r.Amount)));
        Assert.All(seen.Refunds, r => Assert.Equal(RefundStatus.Succeeded, r.Status));
        Assert.Equal(50m, (await Gateway.FindAsync(order.OrderId))!.Refunds.Values.Where(r => r.PaidOut == 1).Sum(r => r.Amount));
    }

    private PaymentSweep Sweep => App.Services.GetRequiredService<PaymentSweep>();

    private SandboxGateway Gateway => App.Services.GetRequiredService<SandboxGateway>();

    private SandboxGatewayOptions SandboxOptions => App.Services.GetRequiredService<IOptions<SandboxGatewayOptions>>().Value;

    private static string PartId(string appointmentId, PaymentPart part) => RefundPart.IdFor($"rf-{appointmentId}", part);

    /// <summary>A booking paid with <paramref name="insurance"/> at the cashier, its order confirmed by a signed notification (sent here in case they are lost).</summary>
    private async Task<(string Patient, AppointmentView Held, PaymentOrderView Order)> PaidOrderAsync(InsuranceType insurance)
    {
        var patient = await RegisterPatientAsync();
        var held = await HoldAsync(SessionId, patient);
        var order = await OpenOrderAsync(held.Id, patient, insurance);
        await Client.PostAsync(order.CashierUrl, new FormUrlEncodedContent(new Dictionary<string, string> { ["action"] = "pay" }));
        Assert.Equal(HttpStatusCode.OK, (await Client.SendAsync(Callback(Notification(order, SandboxNotification.Success), Clock.GetUtcNow().ToUnixTimeSeconds()))).StatusCode);
        Assert.Equal(AppointmentStatus.Booked, (await AppointmentAsync(Client, held.Id, patient)).Status);
        return (patient, held, order);
    }

    private async Task<PaymentOrderView> OpenOrderAsync(string appointmentId, string patientId, InsuranceType insurance)
    {
        var response = await Client.SendAsync(WithToken(HttpMethod.Post, $"/api/appointments/{appointmentId}/payments", TokenOf(patientId),
            new { insuranceType = insurance.ToString() }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<PaymentOrderView>(Json))!;
    }

    private async Task CancelAsync(string appointmentId, string patientId) =>
        Assert.Equal(HttpStatusCode.OK, (await Client.SendAsync(WithToken(HttpMethod.Post, $"/api/appointments/{appointmentId}/cancel", TokenOf(patientId)))).StatusCode);

    private async Task<PaymentOrderView> PaymentsSeenByAsync(string appointmentId, string patientId) =>
        (await (await Client.SendAsync(WithToken(HttpMethod.Get, $"/api/appointments/{appointmentId}/payments", TokenOf(patientId))))
            .Content.ReadFromJsonAsync<PaymentOrderView>(Json))!;

    /// <summary>A refund notification as the gateway signs it, with a fresh nonce.</summary>
    private HttpRequestMessage RefundCallback(string orderId, string refundId, string state, decimal amount)
    {
        var body = JsonSerializer.Serialize(new SandboxRefundNotification(orderId, refundId, state, null, amount));
        var timestamp = Clock.GetUtcNow().ToUnixTimeSeconds().ToString();
        var nonce = Guid.NewGuid().ToString("N");
        var request = new HttpRequestMessage(HttpMethod.Post, SandboxNotifier.RefundCallbackPath) { Content = new StringContent(body, new MediaTypeHeaderValue("application/json")) };
        request.Headers.Add(SandboxSignature.TimestampHeader, timestamp);
        request.Headers.Add(SandboxSignature.NonceHeader, nonce);
        request.Headers.Add(SandboxSignature.SignatureHeader, SandboxSignature.Sign(HospitalApiFactory.SandboxSecret, timestamp, nonce, body));
        return request;
    }
}
