using Dapper;
using Hospital.Grains.Abstractions.Payments;
using Hospital.Grains.Payments;
using Hospital.Grains.SlotPools;
using Hospital.Silo.Payments;
using Hospital.Silo.Storage;
using Hospital.TestSupport.Contracts;
using Hospital.TestSupport.Databases;
using Hospital.TestSupport.MariaDb;

namespace Hospital.Silo.Tests.Storage.Payments;

/// <summary>
/// Payment orders on every backend: saved with their insurance split, refund parts, events and notice as read back,
/// version-checked, due for the sweep, owed refunds and surfaced failures found, and callback nonces used once.
/// </summary>
public abstract class PaymentStoreContract : IAsyncDisposable
{
    private static readonly DateTimeOffset At = new(2026, 11, 23, 1, 0, 2, TimeSpan.Zero);
    private readonly IDbConnectionFactory _connections;
    private readonly SharedTransactionWriter _writes;
    private readonly SqlPaymentStore _store;
    private readonly PaymentOrder _created = NewOrder();

    protected PaymentStoreContract(TestDatabaseFixture fixture)
    {
        _connections = fixture.Database.ConnectionFactory;
        _writes = TestSharedWriter.For(_connections);
        _store = new SqlPaymentStore(_connections, _writes);
    }

    public ValueTask DisposeAsync() => _writes.DisposeAsync();

    private async Task<List<string>> EventsAsync(string orderId)
    {
        await using var connection = await _connections.OpenConnectionAsync();
        return (await connection.QueryAsync<string>("SELECT to_status FROM payment_events WHERE order_id = @orderId ORDER BY id", new { orderId })).AsList();
    }

    private static PaymentOrder NewOrder()
    {
        var appointmentId = $"D0042-20261124-AM.{Guid.NewGuid():N}"[..35];
        return new PaymentOrder(PaymentOrderId.For(appointmentId), appointmentId, "P7c1e0a9b2d3f4e5", 50m, PaymentStatus.Created, null, null, null, false,
            At.AddMinutes(15), At, At, 1, InsuranceType.Employee, FeeType.Expert, new PaymentSplit(20m, 15m, 15m), []);
    }

    [ContractFact]
    public async Task Save_ThenLoad_ReadsTheOrderBack_WithItsSplitRefundPartsAndNotice()
    {
        var refund = new RefundRecord($"rf-{_created.AppointmentId}", _created.AppointmentId, _created.Id, 40m, "cancelled", At);
        var part = new RefundPart(RefundPart.IdFor(refund.Id, PaymentPart.PooledFund), refund.Id, _created.Id, PaymentPart.PooledFund, 20m,
            RefundStatus.Failed, 2, At.AddMinutes(5), null, "gateway reported the refund failed", At, At.AddMinutes(1));
        var paid = _created with { Status = PaymentStatus.Paid, TradeNo = "SBX1", CashierUrl = "https://x/c", QrPayload = "q", SlotBooked = true, Version = 2 };
        var refunding = paid.WithRefund(part) with { Version = 3 };

        await _store.SaveAsync(_created, Moved(null, PaymentStatus.Created));
        await _store.SaveAsync(paid, new PaymentChange(new PaymentEvent(_created.Id, PaymentStatus.Created, PaymentStatus.Paid, "paid", At), [],
            new NotificationRecord(_created.PatientId, _created.AppointmentId, "payment.refunded", "told", At)));
        await _store.SaveAsync(refunding, new PaymentChange(null, [new RefundEvent(part.Id, null, RefundStatus.Failed, "system", "failed", At)], NewRefund: refund));

        var loaded = await _store.LoadAsync(_created.Id);
        Assert.Equal(refunding with { Refunds = _created.Refunds }, loaded! with { Refunds = _created.Refunds });
        Assert.Equal([part], loaded.Refunds);
        Assert.Null(await _store.LoadAsync("no-such-order"));
    }

    [ContractFact]
    public async Task Save_FromAVersionThatIsNoLongerStored_Throws_AndChangesNothing()
    {
        await _store.SaveAsync(_created, Moved(null, PaymentStatus.Created));
        await _store.SaveAsync(_created with { Status = PaymentStatus.Pending, Version = 2 }, Moved(PaymentStatus.Created, PaymentStatus.Pending));

        var stale = _created with { Status = PaymentStatus.Closed, Version = 2 };
        await Assert.ThrowsAsync<InvalidOperationException>(() => _store.SaveAsync(stale, Moved(PaymentStatus.Created, PaymentStatus.Closed)));
        await Assert.ThrowsAnyAsync<Exception>(() => _store.SaveAsync(_created, Moved(null, PaymentStatus.Created)));

        Assert.Equal(PaymentStatus.Pending, (await _store.LoadAsync(_created.Id))!.Status);
        Assert.Equal(["Created", "Pending"], await EventsAsync(_created.Id)); // the refused saves' events are not kept
    }

    [ContractFact]
    public async Task FindDue_ListsOrdersWaitingTooLong_PastTheirHold_OrPaidButUnsettled()
    {
        await _store.SaveAsync(_created with { Status = PaymentStatus.Pending }, Moved(null, PaymentStatus.Pending));

        var early = await _store.FindDueAsync(At.AddMinutes(-1), At.AddMinutes(1));
        var waitedTooLong = await _store.FindDueAsync(At, At.AddMinutes(2));
        var pastHold = await _store.FindDueAsync(At.AddMinutes(-1), At.AddMinutes(15));

        Assert.DoesNotContain(_created.Id, early);
        Assert.Contains(_created.Id, waitedTooLong);
        Assert.Contains(_created.Id, pastHold);
    }

    [ContractFact]
    public async Task OwedRefund_IsDueAndFound_UntilItsPartsAreWritten()
    {
        var paid = _created with { Status = PaymentStatus.Paid, SlotBooked = true };
        var refund = new RefundRecord($"rf-{_created.AppointmentId}", _created.AppointmentId, _created.Id, 50m, "cancelled by patient (free)", At);
        await _store.SaveAsync(paid, new PaymentChange(Moved(null, PaymentStatus.Paid).Order, [], NewRefund: refund));

        var owed = await _store.FindOwedRefundsAsync(_created.Id);
        var due = await _store.FindDueAsync(At.AddMinutes(-10), At.AddMinutes(-10));
        var part = new RefundPart(RefundPart.IdFor(refund.Id, PaymentPart.SelfPay), refund.Id, _created.Id, PaymentPart.SelfPay, 15m,
            RefundStatus.Succeeded, 1, null, null, null, At, At);
        await _store.SaveAsync(paid.WithRefund(part) with { Version = 2 }, new PaymentChange(null, [new RefundEvent(part.Id, null, part.Status, "system", "done", At)]));

        Assert.Equal([refund], owed);
        Assert.Contains(_created.Id, due);
        Assert.Empty(await _store.FindOwedRefundsAsync(_created.Id));
        Assert.DoesNotContain(_created.Id, await _store.FindDueAsync(At.AddMinutes(-10), At.AddMinutes(-10)));
    }

    [ContractTheory]
    [InlineData(RefundStatus.Requested, 0, true)]
    [InlineData(RefundStatus.Processing, 0, false)] // processing since At: asked after only once QueryAfter has passed
    [InlineData(RefundStatus.Processing, 3, true)]
    [InlineData(RefundStatus.Failed, 0, false)] // its retry is at At + 2 min
    [InlineData(RefundStatus.Failed, 3, true)]
    [InlineData(RefundStatus.Succeeded, 3, false)]
    public async Task FindDue_ListsRefundPartsToSubmit_AskAfter_OrRetry(RefundStatus status, int minutesLater, bool due)
    {
        var part = new RefundPart(RefundPart.IdFor($"rf-{_created.AppointmentId}", PaymentPart.SelfPay), $"rf-{_created.AppointmentId}", _created.Id,
            PaymentPart.SelfPay, 15m, status, 1, status == RefundStatus.Failed ? At.AddMinutes(2) : null, null, null, At, At);
        await _store.SaveAsync(_created.WithRefund(part) with { Status = PaymentStatus.Refunded, SlotBooked = true },
            new PaymentChange(null, [new RefundEvent(part.Id, null, status, "system", "written", At)]));

        var found = await _store.FindDueAsync(At.AddMinutes(minutesLater - 2), At.AddMinutes(minutesLater));

        Assert.Equal(due, found.Contains(_created.Id));
    }

    [ContractFact]
    public async Task ListSurfaced_ShowsOnlyFailedPartsWaitingForAnAdmin()
    {
        var refundId = $"rf-{_created.AppointmentId}";
        RefundPart Part(PaymentPart part, RefundStatus status, DateTimeOffset? surfacedAt) =>
            new(RefundPart.IdFor(refundId, part), refundId, _created.Id, part, 10m, status, 5, null, surfacedAt, "gateway reported the refund failed", At, At);
        var surfaced = Part(PaymentPart.SelfPay, RefundStatus.Failed, At.AddMinutes(30));
        var order = _created.WithRefund(surfaced).WithRefund(Part(PaymentPart.PooledFund, RefundStatus.Failed, null))
            .WithRefund(Part(PaymentPart.PersonalAccount, RefundStatus.Succeeded, null));
        await _store.SaveAsync(order, new PaymentChange(null, order.Refunds.Select(p => new RefundEvent(p.Id, null, p.Status, "system", "written", At)).ToList()));

        var listed = (await _store.ListSurfacedRefundsAsync(1000)).Where(r => r.OrderId == _created.Id).ToList();

        Assert.Equal([new SurfacedRefund(surfaced.Id, _created.Id, _created.AppointmentId, PaymentPart.SelfPay, 10m, 5, surfaced.LastError, At.AddMinutes(30))], listed);
    }

    [ContractFact]
    public async Task TryUseNonce_TenAtOnce_OnlyOneSucceeds_AndAForgottenNonceIsFreeAgain()
    {
        var nonce = Guid.NewGuid().ToString("N");

        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => _store.TryUseNonceAsync(nonce, At))));
        await _store.ForgetNoncesAsync(At);
        var stillKnown = await _store.TryUseNonceAsync(nonce, At.AddMinutes(6));
        await _store.ForgetNoncesAsync(At.AddMinutes(1));
        var forgotten = await _store.TryUseNonceAsync(nonce, At.AddMinutes(6));

        Assert.Single(answers, used => used);
        Assert.Equal((false, true), (stillKnown, forgotten));
    }

    private PaymentChange Moved(PaymentStatus? from, PaymentStatus to) => new(new PaymentEvent(_created.Id, from, to, to.ToString(), At), []);
}

public sealed class SqlitePaymentStoreContract(SqliteDatabaseFixture fixture) : PaymentStoreContract(fixture), IClassFixture<SqliteDatabaseFixture>;

[RequiresMariaDb]
public sealed class MariaDbPaymentStoreContract(MariaDbDatabaseFixture fixture) : PaymentStoreContract(fixture), IClassFixture<MariaDbDatabaseFixture>;
