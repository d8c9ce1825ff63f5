using Hospital.Grains.Abstractions.Payments;
using Hospital.Grains.Payments;
using Hospital.Grains.SlotPools;
using Hospital.Silo.Payments;
using Hospital.TestSupport.Contracts;
using Hospital.TestSupport.Databases;
using Hospital.TestSupport.MariaDb;

namespace Hospital.Silo.Tests.Storage.Payments;

/// <summary>Payment orders on every backend: saved with their event (and notice) as read back, version-checked, and callback nonces used once.</summary>
public abstract class PaymentStoreContract(TestDatabaseFixture fixture)
{
    private static readonly DateTimeOffset At = new(2026, 11, 23, 1, 0, 2, TimeSpan.Zero);
    private readonly SqlPaymentStore _store = new(fixture.Database.ConnectionFactory);
    private readonly PaymentOrder _created = new($"D0042-20261124-AM.{Guid.NewGuid():N}"[..35] + ".pay", "appointment", "P7c1e0a9b2d3f4e5", 50m,
        PaymentStatus.Created, null, null, null, false, At.AddMinutes(15), At, At, 1);

    [ContractFact]
    public async Task Save_ThenLoad_ReadsTheOrderBack_WithItsEventsAndNotice()
    {
        var paid = _created with { Status = PaymentStatus.Paid, TradeNo = "SBX1", CashierUrl = "https://x/c", QrPayload = "q", SlotBooked = true, Version = 2 };

        await _store.SaveAsync(_created, new PaymentEvent(_created.Id, null, PaymentStatus.Created, "created", At), null);
        await _store.SaveAsync(paid, new PaymentEvent(_created.Id, PaymentStatus.Created, PaymentStatus.Paid, "paid", At),
            new NotificationRecord(_created.PatientId, _created.AppointmentId, "payment.refunded", "told", At));

        Assert.Equal(paid, await _store.LoadAsync(_created.Id));
        Assert.Null(await _store.LoadAsync("no-such-order"));
    }

    [ContractFact]
    public async Task Save_FromAVersionThatIsNoLongerStored_Throws_AndChangesNothing()
    {
        await _store.SaveAsync(_created, new PaymentEvent(_created.Id, null, PaymentStatus.Created, "created", At), null);
        await _store.SaveAsync(_created with { Status = PaymentStatus.Pending, Version = 2 }, new PaymentEvent(_created.Id, PaymentStatus.Created, PaymentStatus.Pending, "opened", At), null);

        var stale = _created with { Status = PaymentStatus.Closed, Version = 2 };
        await Assert.ThrowsAsync<InvalidOperationException>(() => _store.SaveAsync(stale, new PaymentEvent(_created.Id, PaymentStatus.Created, PaymentStatus.Closed, "stale", At), null));
        await Assert.ThrowsAnyAsync<Exception>(() => _store.SaveAsync(_created, new PaymentEvent(_created.Id, null, PaymentStatus.Created, "again", At), null));

        Assert.Equal(PaymentStatus.Pending, (await _store.LoadAsync(_created.Id))!.Status);
    }

    [ContractFact]
    public async Task FindDue_ListsOrdersWaitingTooLong_PastTheirHold_OrPaidButUnsettled()
    {
        await _store.SaveAsync(_created with { Status = PaymentStatus.Pending }, new PaymentEvent(_created.Id, null, PaymentStatus.Pending, "opened", At), null);

        var early = await _store.FindDueAsync(At.AddMinutes(-1), At.AddMinutes(1));
        var waitedTooLong = await _store.FindDueAsync(At, At.AddMinutes(2));
        var pastHold = await _store.FindDueAsync(At.AddMinutes(-1), At.AddMinutes(15));

        Assert.DoesNotContain(_created.Id, early);
        Assert.Contains(_created.Id, waitedTooLong);
        Assert.Contains(_created.Id, pastHold);
    }

    [ContractFact]
    public async Task TryUseNonce_TenAtOnce_OnlyOneSucceeds_AndAForgottenNonceIsFreeAgain()
    {
        var nonce = Guid.NewGuid().ToString("N");

        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => _store.TryUseNonceAsync(nonce, At, At.AddMinutes(-5)))));
        var afterTheWindow = await _store.TryUseNonceAsync(nonce, At.AddMinutes(6), At.AddMinutes(1));

        Assert.Single(answers, used => used);
        Assert.True(afterTheWindow);
    }
}

public sealed class SqlitePaymentStoreContract(SqliteDatabaseFixture fixture) : PaymentStoreContract(fixture), IClassFixture<SqliteDatabaseFixture>;

[RequiresMariaDb]
public sealed class MariaDbPaymentStoreContract(MariaDbDatabaseFixture fixture) : PaymentStoreContract(fixture), IClassFixture<MariaDbDatabaseFixture>;
