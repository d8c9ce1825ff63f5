using Hospital.Grains.Abstractions.Errors;
using Hospital.TestSupport.Contracts;
using Hospital.TestSupport.Databases;
using Hospital.TestSupport.Hospital;

namespace Hospital.Grains.Tests.SlotPools;

/// <summary>The slot engine against a real database, on each backend: holds, expiry, restarts, the release gate, payment.</summary>
public abstract class SlotPoolContract(TestDatabaseFixture fixture) : SlotPoolContractBase(fixture)
{
    [ContractFact]
    public async Task HoldSlot_With5000ConcurrentCallers_HoldsExactlyTheQuotaWithDistinctSlots()
    {
        var host = await StartClusterAsync();
        var session = TestCatalog.Session(1);
        var pool = Pool(host.Grains, session);

        var results = await Task.WhenAll(Enumerable.Range(0, 5000).Select(i => Task.Run(() => pool.HoldSlotAsync(Request(session, $"P{i:D6}")))));

        var held = results.Where(r => r.Outcome == HoldOutcome.Held).Select(r => r.Appointment!).ToList();
        Assert.Equal(TestCatalog.Quota, held.Count);
        Assert.Equal(Enumerable.Range(1, TestCatalog.Quota), held.Select(a => a.SlotNo).Order());
        Assert.All(results.Where(r => r.Outcome != HoldOutcome.Held), r => Assert.Equal(HoldOutcome.SoldOut, r.Outcome));
        var rows = await RowsAsync(session);
        Assert.Equal(held.Select(a => a.Id).Order(), rows.Where(r => r.Status == "Held").Select(r => r.Id).Order());
        Assert.Equal(TestCatalog.Quota, rows.Select(r => r.SlotNo).Distinct().Count());
        Assert.Equal(TestCatalog.Quota, await ScalarAsync<long>("SELECT held_count FROM sessions WHERE session_id = @session", new { session }));
    }

    [ContractFact]
    public async Task HoldSlot_RetriedWithTheSameRequest_ReturnsTheFirstHoldAndStoresOneRow()
    {
        var host = await StartClusterAsync();
        var session = TestCatalog.Session(1);
        var request = Request(session, "P-retry");

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Pool(host.Grains, session).HoldSlotAsync(request)));

        Assert.Single(answers.Select(a => (a.Appointment!.Id, a.Appointment.SlotNo)).Distinct());
        Assert.Single(await RowsAsync(session));
    }

    [ContractFact]
    public async Task HoldSlot_BeforeTheReleaseTime_AnswersNotReleasedThenHoldsOnceOpen()
    {
        var host = await StartClusterAsync();
        var nextWeek = TestCatalog.Session(7);

        var early = await Pool(host.Grains, nextWeek).HoldSlotAsync(Request(nextWeek, "P-early"));
        Clock.Advance(TimeSpan.FromMinutes(30));
        var open = await Pool(host.Grains, nextWeek).HoldSlotAsync(Request(nextWeek, "P-early"));

        Assert.Equal(HoldOutcome.NotReleased, early.Outcome);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 7, 0, 0, TimeSpan.FromHours(8)), early.OpensAt);
        Assert.Equal(HoldOutcome.Held, open.Outcome);
    }

    [ContractFact]
    public async Task UnpaidHold_AfterTheHoldPeriod_ExpiresAndItsSlotIsSoldAgain()
    {
        var host = await StartClusterAsync();
        var session = TestCatalog.Session(1);
        var held = (await Pool(host.Grains, session).HoldSlotAsync(Request(session, "P-late", slotNo: 1))).Appointment!;

        Clock.Advance(TimeSpan.FromMinutes(14));
        var stillHeld = await Pool(host.Grains, session).GetAppointmentAsync(held.Id);
        Clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(5));
        var expired = await Eventually.ReturnsAsync(() => RowsAsync(session), rows => rows.Single().Status == "Expired");
        var again = await Pool(host.Grains, session).HoldSlotAsync(Request(session, "P-next", slotNo: 1));
        var latePayment = await Assert.ThrowsAsync<RuleConflictException>(() => Pool(host.Grains, session).ConfirmPaymentAsync(held.Id, "pay-1", "account:A-test"));

        Assert.Equal(AppointmentStatus.Held, stillHeld.Status);
        Assert.Equal("Expired", expired.Single().Status);
        Assert.Equal(HoldOutcome.Held, again.Outcome);
        Assert.Equal("hold.expired", latePayment.Code);
    }

    [ContractFact]
    public async Task ConfirmPayment_AfterTheWindowButBeforeTheExpirySweep_IsRefusedAsExpired()
    {
        // Expiry checks an hour apart: the late payment arrives before any of them.
        var host = await StartClusterAsync(new Dictionary<string, string?>
        {
            ["SlotPools:ExpiryCheckPeriod"] = "01:00:00",
            ["SlotPools:RecoverySweepPeriod"] = "01:00:00",
        });
        var session = TestCatalog.Session(1);
        var held = (await Pool(host.Grains, session).HoldSlotAsync(Request(session, "P-slow"))).Appointment!;

        Clock.Advance(TimeSpan.FromMinutes(16));
        var refused = await Assert.ThrowsAsync<RuleConflictException>(() => Pool(host.Grains, session).ConfirmPaymentAsync(held.Id, "pay-1", "account:A-test"));

        Assert.Equal("hold.expired", refused.Code);
    }

    [ContractFact]
    public async Task Holds_AfterARestart_AreRecoveredFromTheDatabaseAndExpireOnTime()
    {
        var first = await StartClusterAsync();
        var session = TestCatalog.Session(1);
        var holds = await Task.WhenAll(Enumerable.Range(0, 3).Select(i => Pool(first.Grains, session).HoldSlotAsync(Request(session, $"P-r{i}"))));
        await StopClusterAsync(first);

        // The new node never touches the pool: only its recovery sweep can find the holds.
        var second = await StartClusterAsync();
        Clock.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(10));
        var rows = await Eventually.ReturnsAsync(() => RowsAsync(session), r => r.All(x => x.Status == "Expired"));
        var afterExpiry = await Pool(second.Grains, session).GetAvailabilityAsync();

        Assert.Equal(TestCatalog.Quota, afterExpiry.Available);
        Assert.Equal(holds.Select(h => h.Appointment!.Id).Order(), rows.Select(r => r.Id).Order());
        Assert.All(rows, r => Assert.Equal("Expired", r.Status));
    }

    [ContractFact]
    public async Task TwoNodes_PayingOnTheNodeThatDidNotTakeTheHold_FindsItInTheDatabase()
    {
        var nodeA = await StartClusterAsync();
        var nodeB = await StartClusterAsync();
        var session = TestCatalog.Session(2);
        await Pool(nodeB.Grains, session).GetAvailabilityAsync(); // node B's pool is active before the hold exists

        var held = (await Pool(nodeA.Grains, session).HoldSlotAsync(Request(session, "P-roaming"))).Appointment!;
        var booked = await Pool(nodeB.Grains, session).ConfirmPaymentAsync(held.Id, "pay-roaming", "account:A-test");

        Assert.Equal(AppointmentStatus.Booked, booked.Status);
        Assert.Equal("Booked", (await RowsAsync(session)).Single().Status);
    }

    [ContractFact]
    public async Task TwoNodes_HoldingOnOnePoolAtOnce_NeverSellASlotTwice()
    {
        var nodeA = await StartClusterAsync();
        var nodeB = await StartClusterAsync();
        var session = TestCatalog.Session(2);

        var results = await Task.WhenAll(Enumerable.Range(0, 400).Select(i => Task.Run(() =>
            Pool(i % 2 == 0 ? nodeA.Grains : nodeB.Grains, session).HoldSlotAsync(Request(session, $"P-n{i}")))));

        var held = results.Where(r => r.Outcome == HoldOutcome.Held).Select(r => r.Appointment!).ToList();
        var rows = await RowsAsync(session);
        Assert.Equal(TestCatalog.Quota, held.Count);
        Assert.Equal(held.Count, held.Select(a => a.SlotNo).Distinct().Count());
        Assert.Equal(held.Select(a => a.Id).Order(), rows.Select(r => r.Id).Order());
    }
}

public sealed class SqliteSlotPoolContract(SqliteDatabaseFixture fixture) : SlotPoolContract(fixture), IClassFixture<SqliteDatabaseFixture>;

[TestSupport.MariaDb.RequiresMariaDb]
public sealed class MariaDbSlotPoolContract(MariaDbDatabaseFixture fixture) : SlotPoolContract(fixture), IClassFixture<MariaDbDatabaseFixture>;
