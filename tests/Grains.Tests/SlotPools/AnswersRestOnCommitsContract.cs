using Hospital.Grains.Abstractions.Errors;
using Hospital.Grains.SlotPools;
using Hospital.TestSupport.Contracts;
using Hospital.TestSupport.Databases;
using Hospital.TestSupport.Hospital;

namespace Hospital.Grains.Tests.SlotPools;

/// <summary>
/// An answer may only rest on committed state. Each test holds one write open as a stalled database would, sends what
/// a client retrying at the peak sends, lets the write commit or fail, and requires every answer to agree with the
/// database. A later call on the same pool is a barrier: calls are taken in arrival order, so once it has returned,
/// the calls sent before it have been decided, and an answer given from memory would already be there.
/// </summary>
public abstract class AnswersRestOnCommitsContract(TestDatabaseFixture fixture) : SlotPoolContractBase(fixture)
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);
    private readonly string _session = TestCatalog.Session(1);

    [ContractTheory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ConfirmPayment_RetriedWhileThePaymentIsBeingWritten_WaitsForThatWriteAndAgreesWithTheDatabase(bool writeCommits)
    {
        var (pool, store) = await StartAsync();
        var held = (await pool.HoldSlotAsync(Request(_session, "P-pay"))).Appointment!;
        store.Arm();
        var first = pool.ConfirmPaymentAsync(held.Id, "pay-1", "account:A-test");
        await store.Held.WaitAsync(Limit);

        var retry = pool.ConfirmPaymentAsync(held.Id, "pay-1", "account:A-test");
        var readMeanwhile = await pool.GetAppointmentAsync(held.Id);
        var retryAnsweredMeanwhile = retry.IsCompleted;
        End(store, writeCommits);

        Assert.False(retryAnsweredMeanwhile);
        Assert.Equal(AppointmentStatus.Held, readMeanwhile.Status);
        Assert.Equal(AppointmentStatus.Booked, (await retry.WaitAsync(Limit)).Status);
        await AssertOutcomeAsync(first, writeCommits);
        Assert.Equal("Booked", (await RowsAsync(_session)).Single().Status);
        Assert.Equal(1L, await ScalarAsync<long>("SELECT COUNT(*) FROM payments WHERE appointment_id = @Id", new { held.Id }));
    }

    [ContractTheory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task HoldSlot_RetriedWithTheSameKeyWhileTheHoldIsBeingWritten_WaitsForThatWriteAndAgreesWithTheDatabase(bool writeCommits)
    {
        var (pool, store) = await StartAsync();
        store.Arm();
        var first = pool.HoldSlotAsync(Request(_session, "P-hold"));
        await store.Held.WaitAsync(Limit);

        var retry = pool.HoldSlotAsync(Request(_session, "P-hold"));
        var slotsMeanwhile = await pool.GetSlotsAsync();
        var availableMeanwhile = (await pool.GetAvailabilityAsync()).Available;
        var retryAnsweredMeanwhile = retry.IsCompleted;
        End(store, writeCommits);

        Assert.False(retryAnsweredMeanwhile);
        Assert.All(slotsMeanwhile, slot => Assert.True(slot.Free));
        Assert.Equal(slotsMeanwhile.Count(s => s.Channel == BookingChannel.App), availableMeanwhile);
        var retried = (await retry.WaitAsync(Limit)).Appointment!;
        await AssertOutcomeAsync(first, writeCommits);
        Assert.Equal((retried.Id, retried.SlotNo, "Held"), Assert.Single(await RowsAsync(_session)));
    }

    [ContractTheory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Cancel_RetriedWhileTheCancellationIsBeingWritten_WaitsForThatWriteAndAgreesWithTheDatabase(bool writeCommits)
    {
        var (pool, store) = await StartAsync();
        var held = (await pool.HoldSlotAsync(Request(_session, "P-cancel"))).Appointment!;
        await pool.ConfirmPaymentAsync(held.Id, "pay-1", "account:A-test");
        store.Arm();
        var first = pool.CancelAsync(held.Id, "P-cancel", "plans changed");
        await store.Held.WaitAsync(Limit);

        var retry = pool.CancelAsync(held.Id, "P-cancel", "plans changed");
        var quoteMeanwhile = await pool.QuoteRefundAsync(held.Id);
        var retryAnsweredMeanwhile = retry.IsCompleted;
        End(store, writeCommits);

        Assert.False(retryAnsweredMeanwhile);
        Assert.True(quoteMeanwhile.Cancellable);
        Assert.Equal(AppointmentStatus.Cancelled, (await retry.WaitAsync(Limit)).Status);
        await AssertOutcomeAsync(first, writeCommits);
        Assert.Equal("Cancelled", (await RowsAsync(_session)).Single().Status);
        Assert.Equal(1L, await ScalarAsync<long>("SELECT COUNT(*) FROM refunds WHERE appointment_id = @Id", new { held.Id }));
    }

    [ContractTheory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task StopSession_RetriedAndRefusedHoldsWhileTheStopIsBeingWritten_WaitForThatWriteAndAgreeWithTheDatabase(bool writeCommits)
    {
        var (pool, store) = await StartAsync();
        var paid = (await pool.HoldSlotAsync(Request(_session, "P-paid"))).Appointment!;
        await pool.ConfirmPaymentAsync(paid.Id, "pay-1", "account:A-test");
        await pool.HoldSlotAsync(Request(_session, "P-unpaid"));
        store.Arm();
        var first = pool.StopSessionAsync("admin", "doctor ill");
        await store.Held.WaitAsync(Limit);

        var retry = pool.StopSessionAsync("admin", "doctor ill");
        var newHold = pool.HoldSlotAsync(Request(_session, "P-late"));
        var stateMeanwhile = (await pool.GetAvailabilityAsync()).State;
        var answeredMeanwhile = retry.IsCompleted || newHold.IsCompleted;
        End(store, writeCommits);

        Assert.False(answeredMeanwhile);
        Assert.NotEqual(SessionState.Stopped, stateMeanwhile);
        var refused = await Assert.ThrowsAsync<RuleConflictException>(() => newHold.WaitAsync(Limit));
        Assert.Equal("session.stopped", refused.Code);
        var cancelledByStops = await retry.WaitAsync(Limit) + (writeCommits ? await first : 0);
        if (!writeCommits) await Assert.ThrowsAsync<InjectedStorageFailure>(() => first);
        var rows = await RowsAsync(_session);
        Assert.Equal(2, cancelledByStops);
        Assert.Equal(["CancelledByHospital", "CancelledByHospital"], rows.Select(r => r.Status));
        Assert.Equal("Stopped", await ScalarAsync<string>("SELECT status FROM sessions WHERE session_id = @_session", new { _session }));
    }

    [ContractFact]
    public async Task HoldSlot_SoldOutWhileAPaymentIsBeingWritten_IsAnsweredAtOnce()
    {
        var (pool, store) = await StartAsync();
        var held = await HoldAppSlotsAsync(pool, (await pool.GetAvailabilityAsync()).Available);
        store.Arm();
        var payment = pool.ConfirmPaymentAsync(held[0].Id, "pay-1", "account:A-test");
        await store.Held.WaitAsync(Limit);

        // Sold out whether the payment commits or fails: the answer waits for no write.
        var late = await pool.HoldSlotAsync(Request(_session, "P-late")).WaitAsync(Limit);
        store.Commit();

        Assert.Equal(HoldOutcome.SoldOut, late.Outcome);
        Assert.Equal(AppointmentStatus.Booked, (await payment.WaitAsync(Limit)).Status);
    }

    [ContractTheory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task HoldSlot_SoldOutOnlyByAHoldBeingWritten_WaitsForThatWrite_AndGetsTheSlotWhenItFails(bool writeCommits)
    {
        var (pool, store) = await StartAsync();
        await HoldAppSlotsAsync(pool, (await pool.GetAvailabilityAsync()).Available - 1);
        store.Arm();
        var last = pool.HoldSlotAsync(Request(_session, "P-last"));
        await store.Held.WaitAsync(Limit);

        var late = pool.HoldSlotAsync(Request(_session, "P-late"));
        await pool.GetAvailabilityAsync(); // a barrier: the hold sent before it has been decided
        var answeredMeanwhile = late.IsCompleted;
        End(store, writeCommits);

        Assert.False(answeredMeanwhile);
        await AssertOutcomeAsync(last, writeCommits);
        Assert.Equal(writeCommits ? HoldOutcome.SoldOut : HoldOutcome.Held, (await late.WaitAsync(Limit)).Outcome);
    }

    [ContractFact]
    public async Task Reschedule_WhileThePaymentIsBeingWritten_CarriesNoUncommittedPayment()
    {
        var (pool, store) = await StartAsync();
        var patient = await RegisterPatientAsync(Host);
        var patientGrain = Host.Grains.GetGrain<IPatientGrain>(patient);
        var held = (await patientGrain.BookAsync(new BookingRequest(_session, TestCatalog.DepartmentId, null, BookingChannel.App, "book-1"))).Appointment!;
        store.Arm();
        var payment = pool.ConfirmPaymentAsync(held.Id, "pay-1", "account:A-test");
        await store.Held.WaitAsync(Limit);

        var moving = patientGrain.RescheduleAsync(held.Id, TestCatalog.Session(3), TestCatalog.DepartmentId, "move-1", "account:A-test");
        var refused = await Assert.ThrowsAsync<RuleConflictException>(() => moving.WaitAsync(Limit));
        store.Fail();

        Assert.Equal("appointment.not_reschedulable", refused.Code);
        await Assert.ThrowsAsync<InjectedStorageFailure>(() => payment.WaitAsync(Limit));
        Assert.Empty(await RowsAsync(TestCatalog.Session(3)));
        Assert.Equal("Held", (await RowsAsync(_session)).Single().Status);
        Assert.Equal(0L, await ScalarAsync<long>("SELECT COUNT(*) FROM payments"));
    }

    private HospitalTestCluster Host { get; set; } = null!;

    private async Task<(ISlotPoolGrain Pool, HeldOpenSlotPoolStore Store)> StartAsync()
    {
        Host = await StartClusterAsync(configure: services =>
            services.Decorate<ISlotPoolStore>(store => new HeldOpenSlotPoolStore(store, _session)));
        return (Pool(Host.Grains, _session), HeldOpenSlotPoolStore.Of(Host));
    }

    private async Task<List<AppointmentView>> HoldAppSlotsAsync(ISlotPoolGrain pool, int count)
    {
        var held = new List<AppointmentView>();
        for (var i = 0; i < count; i++) held.Add((await pool.HoldSlotAsync(Request(_session, $"P-{i}"))).Appointment!);
        return held;
    }

    private static void End(HeldOpenSlotPoolStore store, bool commit)
    {
        if (commit) store.Commit();
        else store.Fail();
    }

    private static async Task AssertOutcomeAsync<T>(Task<T> first, bool writeCommits)
    {
        if (writeCommits) await first.WaitAsync(Limit);
        else await Assert.ThrowsAsync<InjectedStorageFailure>(() => first.WaitAsync(Limit));
    }
}

public sealed class SqliteAnswersRestOnCommitsContract(SqliteDatabaseFixture fixture)
    : AnswersRestOnCommitsContract(fixture), IClassFixture<SqliteDatabaseFixture>;

[TestSupport.MariaDb.RequiresMariaDb]
public sealed class MariaDbAnswersRestOnCommitsContract(MariaDbDatabaseFixture fixture)
    : AnswersRestOnCommitsContract(fixture), IClassFixture<MariaDbDatabaseFixture>;
