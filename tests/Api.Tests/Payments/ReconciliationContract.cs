using System.Net;
using System.Net.Http.Json;
using Dapper;
using Hospital.Api.Tests.Hospital;
using Hospital.Grains.Abstractions.Booking;
using Hospital.Grains.Abstractions.Payments;
using Hospital.Grains.Catalog;
using Hospital.Grains.Payments;
using Hospital.Grains.Reconciliation;
using Hospital.Silo.Payments;
using Hospital.Silo.Reconciliation;
using Hospital.TestSupport.Contracts;
using Hospital.TestSupport.Databases;
using Hospital.TestSupport.Hospital;
using Hospital.TestSupport.MariaDb;
using Microsoft.Extensions.DependencyInjection;

namespace Hospital.Api.Tests.Payments;

/// <summary>
/// The daily reconciliation over HTTP: the sandbox gateway's statement file, every kind of difference (produced by the gateway's
/// lost-notification fault or by editing the gateway's own rows), the safe fixes and their idempotence, versioned reports as
/// JSON and CSV, and the daily job running each day once. The payment sweep and the job's timer are held back (a month's
/// period) so that what a test reconciles is what it arranged, not what a sweep fixed first.
/// </summary>
public abstract class ReconciliationContract(TestDatabaseFixture fixture) : HospitalApiContractBase(fixture)
{
    private static readonly string SessionId = TestCatalog.Session(1, TestCatalog.SharedDoctor);
    private static readonly DateOnly Day = TestCatalog.Today;
    private static readonly string DayPath = $"/api/admin/reconciliations/{Day:yyyy-MM-dd}";

    private bool _notificationsLost;

    protected override void ConfigureAppServices(IServiceCollection services)
    {
        GatewayLine.Connect(services, () => false);
        services.PostConfigure<SandboxGatewayOptions>(o => o.LostNotificationRate = _notificationsLost ? 1 : 0);
        services.PostConfigure<PaymentOptions>(o => o.SweepPeriod = TimeSpan.FromDays(30));
        services.PostConfigure<ReconciliationOptions>(o => o.SweepPeriod = TimeSpan.FromDays(30));
    }

    [ContractFact]
    public async Task Statement_ListsTheDaysPaymentsWithTotals_AndOutlivesARestart()
    {
        var order = await PaidOrderAsync(1);

        var statement = await App.Services.GetRequiredService<IPaymentGateway>().DownloadStatementAsync(Day);
        var restarted = await StartApp(configureServices: ConfigureAppServices).Services.GetRequiredService<IPaymentGateway>().DownloadStatementAsync(Day);

        var rows = statement.TrimEnd().Split('\n').Select(r => r.TrimEnd('\r')).ToList();
        Assert.Equal(StatementFile.Header, rows[0]);
        Assert.Matches($@"^2026-11-23 06:3\d:\d\d,SBX[0-9A-F]{{24}},{order.OrderId},,payment,50\.00,SUCCESS$", rows[1]);
        Assert.Equal([StatementFile.TotalsHeader, "1,50.00,0,0.00"], rows[2..]);
        Assert.Equal(statement, restarted);
        Assert.Equal(StatementFile.Header + "\n" + StatementFile.TotalsHeader + "\n0,0.00,0,0.00\n",
            (await App.Services.GetRequiredService<IPaymentGateway>().DownloadStatementAsync(Day.AddDays(-1))).ReplaceLineEndings("\n"));
    }

    [ContractFact]
    public async Task Reconcile_ACleanDay_FindsNoDifference_AndBothSidesTotalsAgree()
    {
        await PaidOrderAsync(1);
        await PaidOrderAsync(2);
        await NextDayAsync();

        var report = await RunAsync();

        Assert.Empty(report.Differences);
        var totals = Assert.Single(report.Totals);
        Assert.Equal(("sandbox", new StatementTotals(2, 100m, 0, 0m)), (totals.Channel, totals.Gateway));
        Assert.Equal(totals.Gateway, totals.Ledger);
        Assert.Equal((1, "staff:test-hospital_admin"), (report.Version, report.RunBy));
    }

    [ContractFact]
    public async Task PaymentTheLedgerMissed_WithItsHoldStillValid_IsConfirmedAsTheNotificationWould()
    {
        _notificationsLost = true;
        Clock.Advance(HospitalTime.China.At(Day, new TimeOnly(23, 50)) - Clock.GetUtcNow());
        var (patient, held, order) = await HoldWithOpenOrderAsync(1);
        await PayAtCashierAsync(order);
        Clock.Advance(TimeSpan.FromMinutes(11)); // 00:01 the next day; the hold runs to 00:05

        var report = await RunAsync();

        var difference = Assert.Single(report.Differences);
        Assert.Equal((DifferenceKind.PaidAtGatewayOnly, order.OrderId, nameof(PaymentStatus.Pending), DifferenceResolution.Confirmed),
            (difference.Kind, difference.OrderId, difference.LedgerStatus, difference.Resolution));
        Assert.Equal(PaymentStatus.Paid, (await OrderGrain(held.Id).GetAsync()).Status);
        Assert.Equal(1, await ScalarAsync("SELECT COUNT(*) FROM payments WHERE appointment_id = @id", new { id = held.Id }));
        Assert.Equal(1, await ScalarAsync(
            "SELECT COUNT(*) FROM appointment_audit WHERE appointment_id = @id AND to_status = 'Booked' AND actor = 'gateway:sandbox'", new { id = held.Id }));
        Assert.Equal(new StatementTotals(0, 0m, 0, 0m), report.Totals[0].Ledger); // recorded the next day, by the fix
    }

    [ContractFact]
    public async Task PaymentTheLedgerMissed_AfterItsHoldEnded_IsRefundedOnce_EvenWhenTwoRunsFixItAtOnce()
    {
        _notificationsLost = true;
        var (_, held, order) = await HoldWithOpenOrderAsync(1);
        await PayAtCashierAsync(order);
        await NextDayAsync();

        var reports = await Task.WhenAll(RunAsync(), RunAsync());
        var again = await RunAsync();

        Assert.Equal([1, 2, 3], reports.Select(r => r.Version).Append(again.Version).Order());
        // A run that read our ledger after the other's fix finds nothing left; one that read it before reports the fix as done.
        var found = reports.SelectMany(r => r.Differences).ToList();
        Assert.NotEmpty(found);
        Assert.All(found, d => Assert.Equal((DifferenceKind.PaidAtGatewayOnly, DifferenceResolution.Refunded), (d.Kind, d.Resolution)));
        Assert.Empty(again.Differences);
        Assert.Equal(PaymentStatus.Refunded, (await OrderGrain(held.Id).GetAsync()).Status);
        Assert.Equal(1, await ScalarAsync("SELECT COUNT(*) FROM sandbox_gateway_refunds WHERE order_id = @id", new { id = order.OrderId }));
        Assert.Equal(1, await ScalarAsync("SELECT COUNT(*) FROM payment_events WHERE order_id = @id AND to_status = 'Refunded'", new { id = order.OrderId }));
        Assert.Equal(1, await ScalarAsync("SELECT COUNT(*) FROM notifications WHERE appointment_id = @id AND kind = 'payment.refunded'", new { id = held.Id }));
        Assert.Equal(0, await ScalarAsync("SELECT COUNT(*) FROM payments WHERE appointment_id = @id", new { id = held.Id }));
    }

    [ContractFact]
    public async Task EditedGatewayRecords_EachKindOfDifference_IsLeftForAdmins_AndChangesNothing()
    {
        var missing = await PaidOrderAsync(1);
        var cheaper = await PaidOrderAsync(2);
        var refunded = await PaidOrderAsync(3);
        await EditGatewayAsync("DELETE FROM sandbox_gateway_orders WHERE id = @id", new { id = missing.OrderId });
        await EditGatewayAsync("UPDATE sandbox_gateway_orders SET amount = 45 WHERE id = @id", new { id = cheaper.OrderId });
        await EditGatewayAsync("INSERT INTO sandbox_gateway_refunds (refund_id, order_id, part, amount, state, attempts, paid_out, refunded_at) " +
                               "VALUES ('r1', @id, 'SelfPay', 50, 'Succeeded', 1, 1, @at)",
            new { id = refunded.OrderId, at = Clock.GetUtcNow().UtcDateTime });
        await EditGatewayAsync("INSERT INTO sandbox_gateway_orders (id, amount, pooled_fund_amount, personal_account_amount, self_pay_amount, description, state, trade_no, created_at, paid_at) " +
                               "VALUES ('stranger.pay', 30, 0, 0, 30, 'not ours', 'Paid', 'SBXSTRANGER', @at, @at)", new { at = Clock.GetUtcNow().UtcDateTime });
        var events = await ScalarAsync("SELECT COUNT(*) FROM payment_events");
        await NextDayAsync();

        var report = await RunAsync();

        Assert.Equal(
        [
            (DifferenceKind.PaidInLedgerOnly, missing.OrderId, (decimal?)null, (decimal?)50m, ReconciliationDifference.None, nameof(PaymentStatus.Paid)),
            (DifferenceKind.AmountMismatch, cheaper.OrderId, 45m, 50m, ReconciliationDifference.Paid, nameof(PaymentStatus.Paid)),
            (DifferenceKind.StatusMismatch, refunded.OrderId, 50m, null, ReconciliationDifference.Refunded, nameof(PaymentStatus.Paid)),
            (DifferenceKind.PaidAtGatewayOnly, "stranger.pay", 30m, null, ReconciliationDifference.Paid, null),
        ], report.Differences.Select(d => (d.Kind, d.OrderId, d.GatewayAmount, d.LedgerAmount, d.GatewayStatus, d.LedgerStatus))
            .OrderBy(d => d.Kind == DifferenceKind.PaidAtGatewayOnly).ThenBy(d => d.Kind));
        Assert.All(report.Differences, d => Assert.Equal(DifferenceResolution.ForAdmins, d.Resolution));
        Assert.Equal((new StatementTotals(3, 125m, 1, 50m), new StatementTotals(3, 150m, 0, 0m)), (report.Totals[0].Gateway, report.Totals[0].Ledger));
        Assert.Equal(events, await ScalarAsync("SELECT COUNT(*) FROM payment_events"));
    }

    [ContractFact]
    public async Task RefundOnlyInOurLedger_IsAStatusDifference()
    {
        _notificationsLost = true;
        var (_, _, order) = await HoldWithOpenOrderAsync(1);
        await PayAtCashierAsync(order);
        Clock.Advance(TimeSpan.FromMinutes(16));
        var sweep = App.Services.GetRequiredService<PaymentSweep>();
        await sweep.SweepAsync(); // queries the gateway: paid after the hold ended, so refunded
        Clock.Advance(TimeSpan.FromMinutes(3));
        await sweep.SweepAsync(); // no refund notification came either: the sweep asks after it, and it went back
        Assert.Equal(1, await ScalarAsync("SELECT COUNT(*) FROM payment_refund_parts WHERE order_id = @id AND status = 'Succeeded'", new { id = order.OrderId }));
        await EditGatewayAsync("DELETE FROM sandbox_gateway_refunds WHERE order_id = @id", new { id = order.OrderId });
        await NextDayAsync();

        var difference = Assert.Single((await RunAsync()).Differences);

        Assert.Equal((DifferenceKind.StatusMismatch, ReconciliationDifference.None, nameof(PaymentStatus.Refunded), DifferenceResolution.ForAdmins),
            (difference.Kind, difference.GatewayStatus, difference.LedgerStatus, difference.Resolution));
    }

    [ContractFact]
    public async Task Reports_AreVersioned_ReadAsJsonOrCsv()
    {
        _notificationsLost = true;
        var (_, _, order) = await HoldWithOpenOrderAsync(1);
        await PayAtCashierAsync(order);
        await NextDayAsync();
        await RunAsync();
        await RunAsync();

        var latest = await ReadAsync<ReconciliationReport>(DayPath);
        var first = await ReadAsync<ReconciliationReport>($"{DayPath}?version=1");
        var csv = await Client.SendAsync(Admin(HttpMethod.Get, $"{DayPath}/csv?version=1"));
        var text = await csv.Content.ReadAsStringAsync();

        Assert.Equal((2, 0), (latest.Version, latest.Differences.Count));
        Assert.Equal((1, DifferenceResolution.Refunded), (first.Version, Assert.Single(first.Differences).Resolution));
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"reconciliation-{Day:yyyy-MM-dd}-v1.csv", csv.Content.Headers.ContentDisposition!.FileName);
        Assert.Contains("sandbox,gateway,1,50.00,0,0.00,50.00", text);
        Assert.Contains($"PaidAtGatewayOnly,{order.OrderId},", text);
        Assert.Contains(",Refunded,the hold had ended: refunded by the late-payment path and the patient told", text);
    }

    [ContractFact]
    public async Task BadDays_AreRefusedWith400_AndAnUnreconciledDayIs404()
    {
        await StartedAsync();

        var malformed = await Client.SendAsync(Admin(HttpMethod.Post, "/api/admin/reconciliations/23-11-2026"));
        var today = await Client.SendAsync(Admin(HttpMethod.Post, DayPath));
        var version = await Client.SendAsync(Admin(HttpMethod.Get, $"{DayPath}?version=0"));
        var none = await Client.SendAsync(Admin(HttpMethod.Get, DayPath));

        Assert.Equal(["day"], (await ProblemResponse.ReadAsync(malformed)).GetProperty("errors").EnumerateObject().Select(e => e.Name));
        Assert.Equal(["day"], (await ProblemResponse.ReadAsync(today)).GetProperty("errors").EnumerateObject().Select(e => e.Name));
        Assert.Equal(["version"], (await ProblemResponse.ReadAsync(version)).GetProperty("errors").EnumerateObject().Select(e => e.Name));
        Assert.Equal("reconciliation.not_found", (await ProblemResponse.ReadAsync(none)).Code());
        Assert.Equal(0, await ScalarAsync("SELECT COUNT(*) FROM reconciliation_reports WHERE day = @day", new { day = $"{Day:yyyy-MM-dd}" }));
    }

    [ContractFact]
    public async Task DailyJob_RunsEachEndedDayOnce_OnSeveralNodesAtOnce_AndAfterARestart()
    {
        _notificationsLost = true;
        var (_, held, order) = await HoldWithOpenOrderAsync(1);
        await PayAtCashierAsync(order);
        await NextDayAsync(); // 03:00: the day ended more than two hours ago
        var nodes = new[] { App, StartApp(configureServices: ConfigureAppServices) };
        await Eventually.ReturnsAsync(() => ScalarAsync("SELECT COUNT(*) FROM reconciliation_daily_runs WHERE done_at IS NOT NULL"), n => n == 7);

        await Task.WhenAll(nodes.SelectMany(n => Enumerable.Repeat(n, 3)).Select(n => n.Services.GetRequiredService<ReconciliationSweep>().SweepAsync()));
        await StartApp(configureServices: ConfigureAppServices).Services.GetRequiredService<ReconciliationSweep>().SweepAsync();

        var report = await ReadAsync<ReconciliationReport>(DayPath);
        Assert.Equal((1, ReconciliationSweep.RunBy), (report.Version, report.RunBy));
        Assert.Equal(DifferenceResolution.Refunded, Assert.Single(report.Differences).Resolution);
        Assert.Equal(1, await ScalarAsync("SELECT COUNT(*) FROM reconciliation_reports WHERE day = @day", new { day = $"{Day:yyyy-MM-dd}" }));
        Assert.Equal(1, await ScalarAsync("SELECT COUNT(*) FROM sandbox_gateway_refunds WHERE order_id = @id", new { id = order.OrderId }));
    }

    [ContractFact]
    public async Task DailyJob_LeavesADayClaimedByALiveNode_AndTakesItOverOnceTheClaimLapsed()
    {
        await NextDayAsync();
        await EditGatewayAsync("INSERT INTO reconciliation_daily_runs (day, claimed_at) VALUES (@day, @at)",
            new { day = $"{Day:yyyy-MM-dd}", at = Clock.GetUtcNow().UtcDateTime });
        var sweep = App.Services.GetRequiredService<ReconciliationSweep>();

        await sweep.SweepAsync();
        var whileClaimed = await ScalarAsync("SELECT COUNT(*) FROM reconciliation_reports WHERE day = @day", new { day = $"{Day:yyyy-MM-dd}" });
        Clock.Advance(TimeSpan.FromMinutes(31));
        await sweep.SweepAsync();

        Assert.Equal(0, whileClaimed);
        Assert.Equal(1, await ScalarAsync("SELECT COUNT(*) FROM reconciliation_reports WHERE day = @day", new { day = $"{Day:yyyy-MM-dd}" }));
    }

    [ContractFact]
    public async Task Provisional_TodaySoFar_ListsAPaymentAwaitingItsNotificationAsSettling_AndFixesAndStoresNothing()
    {
        _notificationsLost = true;
        await StartedAsync();
        var (_, held, order) = await HoldWithOpenOrderAsync(1);
        await PayAtCashierAsync(order);
        var events = await ScalarAsync("SELECT COUNT(*) FROM payment_events");
        Clock.Advance(TimeSpan.FromSeconds(1)); // the ledger is read up to the moment of asking, excluded

        var provisional = await ReadAsync<ProvisionalReconciliation>("/api/admin/reconciliations/provisional");

        Assert.Equal((Day, Clock.GetUtcNow()), (provisional.Day, provisional.Until));
        var settling = Assert.Single(provisional.Settling);
        Assert.Equal((DifferenceKind.PaidAtGatewayOnly, order.OrderId, nameof(PaymentStatus.Pending), DifferenceResolution.ForAdmins),
            (settling.Kind, settling.OrderId, settling.LedgerStatus, settling.Resolution));
        Assert.Empty(provisional.ForAdmins);
        Assert.Equal((new StatementTotals(1, 50m, 0, 0m), new StatementTotals(0, 0m, 0, 0m)), (provisional.Totals[0].Gateway, provisional.Totals[0].Ledger));
        Assert.Equal(PaymentStatus.Pending, (await OrderGrain(held.Id).GetAsync()).Status);
        Assert.Equal(events, await ScalarAsync("SELECT COUNT(*) FROM payment_events"));
        Assert.Equal(0, await ScalarAsync("SELECT COUNT(*) FROM reconciliation_reports WHERE day = @day", new { day = $"{Day:yyyy-MM-dd}" }));
    }

    [ContractFact]
    public async Task Provisional_ADifferenceNoRunFixes_IsListedForAdmins()
    {
        await StartedAsync();
        var cheaper = await PaidOrderAsync(1);
        await EditGatewayAsync("UPDATE sandbox_gateway_orders SET amount = 45 WHERE id = @id", new { id = cheaper.OrderId });
        Clock.Advance(TimeSpan.FromSeconds(1));

        var provisional = await ReadAsync<ProvisionalReconciliation>("/api/admin/reconciliations/provisional");

        Assert.Empty(provisional.Settling);
        Assert.Equal((DifferenceKind.AmountMismatch, cheaper.OrderId), Assert.Single(provisional.ForAdmins) is var d ? (d.Kind, d.OrderId) : default);
    }

    /// <summary>The app is up and its start-up sweep has reconciled the week before the test's day, so nothing else runs the test's day.</summary>
    private async Task StartedAsync() =>
        await Eventually.ReturnsAsync(() => ScalarAsync("SELECT COUNT(*) FROM reconciliation_daily_runs WHERE done_at IS NOT NULL"), n => n == 7);

    /// <summary>03:00 the day after <see cref="Day"/>: the day has ended and its statement is ready.</summary>
    private async Task NextDayAsync()
    {
        await StartedAsync();
        Clock.Advance(HospitalTime.China.At(Day.AddDays(1), new TimeOnly(3, 0)) - Clock.GetUtcNow());
    }

    [ContractFact]
    public async Task Reconcile_AStatementWhoseTotalsDisagreeWithItsLines_Answers502AndStoresNoReport()
    {
        await PaidOrderAsync(1);
        await NextDayAsync();
        var gatewayWithBadTotals = StartApp(configureServices: services =>
        {
            ConfigureAppServices(services);
            services.AddSingleton<IPaymentGateway>(provider => new TotalsMiscounted(provider.GetRequiredService<SandboxGateway>()));
        });

        var client = gatewayWithBadTotals.CreateClient();
        var reports = await ScalarAsync("SELECT COUNT(*) FROM reconciliation_reports"); // the daily job's catch-up of earlier days

        var response = await client.SendAsync(Admin(HttpMethod.Post, DayPath));

        Assert.Equal((HttpStatusCode.BadGateway, GatewayStatementException.Code), (response.StatusCode, (await ProblemResponse.ReadAsync(response)).Code()));
        Assert.Equal(reports, await ScalarAsync("SELECT COUNT(*) FROM reconciliation_reports"));
    }

    /// <summary>The sandbox gateway, but each statement's totals line counts one payment more than its lines.</summary>
    private sealed class TotalsMiscounted(IPaymentGateway sandbox) : IPaymentGateway
    {
        public string Name => sandbox.Name;
        public Task<GatewayOrder> CreateOrderAsync(GatewayOrderRequest request, CancellationToken cancellationToken = default) => sandbox.CreateOrderAsync(request, cancellationToken);
        public Task<GatewayPaymentResult> QueryAsync(string orderId, CancellationToken cancellationToken = default) => sandbox.QueryAsync(orderId, cancellationToken);
        public Task<GatewayPaymentResult> CloseAsync(string orderId, CancellationToken cancellationToken = default) => sandbox.CloseAsync(orderId, cancellationToken);
        public Task RefundAsync(GatewayRefundRequest request, CancellationToken cancellationToken = default) => sandbox.RefundAsync(request, cancellationToken);
        public Task<GatewayRefundResult> QueryRefundAsync(string orderId, string refundId, CancellationToken cancellationToken = default) =>
            sandbox.QueryRefundAsync(orderId, refundId, cancellationToken);

        public async Task<string> DownloadStatementAsync(DateOnly day, CancellationToken cancellationToken = default)
        {
            var rows = (await sandbox.DownloadStatementAsync(day, cancellationToken)).TrimEnd().Split('\n');
            var totals = rows[^1].Split(',');
            totals[0] = (int.Parse(totals[0]) + 1).ToString();
            rows[^1] = string.Join(',', totals);
            return string.Join('\n', rows) + "\n";
        }
    }

    private async Task<ReconciliationReport> RunAsync()
    {
        var response = await Client.SendAsync(Admin(HttpMethod.Post, DayPath));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<ReconciliationReport>(Json))!;
    }

    private async Task<T> ReadAsync<T>(string path)
    {
        var response = await Client.SendAsync(Admin(HttpMethod.Get, path));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<T>(Json))!;
    }

    /// <summary>An order paid at the cashier whose notification reached us: paid and booked in our ledger.</summary>
    private async Task<PaymentOrderView> PaidOrderAsync(int patientIndex)
    {
        var (_, held, order) = await HoldWithOpenOrderAsync(patientIndex);
        await PayAtCashierAsync(order);
        await Eventually.ReturnsAsync(() => OrderGrain(held.Id).GetAsync(), o => o.Status == PaymentStatus.Paid);
        await Eventually.ReturnsAsync(() => ScalarAsync("SELECT COUNT(*) FROM payments WHERE appointment_id = @id", new { id = held.Id }), n => n == 1);
        return order;
    }

    private async Task<(string Patient, AppointmentView Held, PaymentOrderView Order)> HoldWithOpenOrderAsync(int patientIndex)
    {
        var patient = await RegisterPatientAsync(patientIndex);
        var held = await HoldAsync(SessionId, patient);
        var response = await Client.SendAsync(WithToken(HttpMethod.Post, $"/api/appointments/{held.Id}/payments", TokenOf(patient)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (patient, held, (await response.Content.ReadFromJsonAsync<PaymentOrderView>(Json))!);
    }

    private async Task PayAtCashierAsync(PaymentOrderView order)
    {
        var paid = await Client.PostAsync(order.CashierUrl, new FormUrlEncodedContent(new Dictionary<string, string> { ["action"] = "pay" }));
        Assert.Contains("Payment Paid.", await paid.Content.ReadAsStringAsync());
    }

    private IPaymentGrain OrderGrain(string appointmentId) =>
        App.Services.GetRequiredService<IGrainFactory>().GetGrain<IPaymentGrain>(PaymentOrderId.For(appointmentId));

    /// <summary>Changes the gateway's side behind its back, as a fault of the gateway (or a test of ours) would.</summary>
    private async Task EditGatewayAsync(string sql, object parameters)
    {
        await using var connection = await Database.ConnectionFactory.OpenConnectionAsync();
        await connection.ExecuteAsync(sql, parameters);
    }
}

public sealed class SqliteReconciliationContract(SqliteDatabaseFixture fixture) : ReconciliationContract(fixture), IClassFixture<SqliteDatabaseFixture>;

[RequiresMariaDb]
public sealed class MariaDbReconciliationContract(MariaDbDatabaseFixture fixture) : ReconciliationContract(fixture), IClassFixture<MariaDbDatabaseFixture>;
