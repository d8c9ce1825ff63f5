using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Dapper;
using Hospital.Grains.Abstractions.Booking;
using Orleans.Storage;
using Hospital.Grains.Catalog;
using Hospital.Grains.Rules;
using Hospital.Grains.SlotPools;
using Hospital.Silo.Storage.Catalog;
using Hospital.Silo.Storage.SlotPools;
using Hospital.TestSupport.Contracts;
using Hospital.TestSupport.Databases;
using Hospital.TestSupport.Hospital;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MySqlConnector;

namespace Hospital.Silo.Tests.Storage;

/// <summary>The node's batch writer on each backend: pools' batches share transactions, yet a failure reaches only its own batch.</summary>
public abstract class SlotPoolBatchWriterContract(TestDatabaseFixture fixture) : IDisposable
{
    private static readonly DateTimeOffset Now = TestCatalog.Start;

    // Each test has its own meters, so a test's recorded metrics hold only its own writer's.
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();

    private IMeterFactory Meters => _services.GetRequiredService<IMeterFactory>();

    public void Dispose() => _services.Dispose();

    [ContractFact]
    public async Task Write_ManyPoolsAtOnce_CommitsEveryBatch()
    {
        var (store, writer, _) = await CreateAsync();
        var sessions = Enumerable.Range(0, 8).Select(day => TestCatalog.Session(day % 4, 1 + day / 4)).ToList();

        var batches = await Task.WhenAll(sessions.Select(s => HoldBatchAsync(store, s, "P1", "P2")));
        await Task.WhenAll(batches.Select(batch => writer.WriteAsync(() => batch)));

        foreach (var session in sessions)
        {
            var reloaded = (await store.LoadAsync(session))!;
            Assert.Equal((1L, 2), (reloaded.Version, reloaded.HeldCount));
        }
    }

    [ContractFact]
    public async Task Write_Transitions_StoreEveryFieldTheyChange()
    {
        var (store, writer, _) = await CreateAsync();
        var session = TestCatalog.Session(1);
        var hold = await HoldBatchAsync(store, session, "P1");
        await writer.WriteAsync(() => hold);
        var id = (await store.LoadAsync(session))!.Appointments.Single().Id;

        // An update writes only the lifecycle columns: after each transition the stored row must equal the pool's.
        await CommitAndCompareAsync(pool => pool.ConfirmPayment(id, "pay-P1", "account:A-test", Now.AddMinutes(2)).Changes!);
        await CommitAndCompareAsync(pool => pool.Cancel(id, "patient", "plans changed", Now.AddMinutes(3), new CancellationRulesOptions()).Changes!);

        async Task CommitAndCompareAsync(Func<SlotPool, PoolChanges> transition)
        {
            var pool = (await store.LoadAsync(session))!;
            var changes = transition(pool);
            await writer.WriteAsync(() => PoolBatch.Seal(PoolRowState.Of(pool), [changes]));
            Assert.Equal(pool.Appointments.Single(), (await store.LoadAsync(session))!.Appointments.Single());
        }
    }

    [ContractFact]
    public async Task Write_ADecisionMadeWhileTheWriterTakesItsConnection_RidesInThatTransaction()
    {
        using var metrics = new RecordedMetrics(Meters);
        var (store, _, database) = await CreateAsync();
        var pool = (await store.LoadAsync(TestCatalog.Session(1)))!;
        List<string> decided = ["P1"];
        // As a patient whose request the pool decides while the writer is taking a connection and beginning.
        var connections = new ConnectionOpenedHook(database.ConnectionFactory, () => { if (decided.Count == 1) decided.Add("P2"); });
        await using var writer = new SlotPoolBatchWriter(connections, new BatchWriterMetrics(Meters), NullLogger<SlotPoolBatchWriter>.Instance);

        await writer.WriteAsync(() => Seal(pool, [.. decided]));

        var stored = (await store.LoadAsync(TestCatalog.Session(1)))!;
        Assert.Equal((1L, 2), (stored.Version, stored.HeldCount));
        Assert.Equal(1, metrics.Count(BatchWriterMetrics.TransactionDuration));
    }

    [ContractFact]
    public async Task Write_ReportsTransactionsTheBatchesTheyCommittedAndTheirLength()
    {
        using var metrics = new RecordedMetrics(Meters);
        var (store, writer, _) = await CreateAsync();
        var batches = await Task.WhenAll(Enumerable.Range(1, 3).Select(day => HoldBatchAsync(store, TestCatalog.Session(day), "P1")));
        await Task.WhenAll(batches.Select(batch => writer.WriteAsync(() => batch)));
        var stale = await HoldBatchAsync(store, TestCatalog.Session(0), "P2") with { ExpectedVersion = 41 };
        await Assert.ThrowsAsync<InconsistentStateException>(() => writer.WriteAsync(() => stale));

        // The three good batches share one to three transactions, depending on when the writer woke; the stale one has its own.
        Assert.Equal(3, metrics.Sum(BatchWriterMetrics.Batches));
        Assert.InRange(metrics.Count(BatchWriterMetrics.TransactionDuration), 2, 4);
        Assert.True(metrics.Sum(BatchWriterMetrics.TransactionDuration) > 0);
    }

    [ContractFact]
    public async Task Write_AStaleBatchAmongOthers_FailsOnlyTheStaleOne()
    {
        var (store, writer, _) = await CreateAsync();
        var good = await HoldBatchAsync(store, TestCatalog.Session(1), "P1");
        var stale = await HoldBatchAsync(store, TestCatalog.Session(2), "P2") with { ExpectedVersion = 41 };

        var writes = new[] { writer.WriteAsync(() => good), writer.WriteAsync(() => stale) };

        await writes[0];
        await Assert.ThrowsAsync<InconsistentStateException>(() => writes[1]);
        Assert.Equal(1, (await store.LoadAsync(TestCatalog.Session(1)))!.HeldCount);
        Assert.Equal(0, (await store.LoadAsync(TestCatalog.Session(2)))!.HeldCount);
    }

    [ContractFact]
    public async Task Write_ABatchTheDatabaseRefuses_FailsOnlyThatBatch()
    {
        var (store, writer, database) = await CreateAsync();
        var first = await HoldBatchAsync(store, TestCatalog.Session(1), "P1");
        await writer.WriteAsync(() => first);
        // A second hold on slot 1 built from a stale copy of the pool, with the version forged current:
        // only the database's unique slot key can stop it.
        var forged = await StaleHoldBatchAsync(store, TestCatalog.Session(1), "P9") with { ExpectedVersion = 1 };
        var good = await HoldBatchAsync(store, TestCatalog.Session(2), "P2");

        var writes = new[] { writer.WriteAsync(() => forged), writer.WriteAsync(() => good) };

        await Assert.ThrowsAnyAsync<DbException>(() => writes[0]);
        await writes[1];
        await using var connection = await database.ConnectionFactory.OpenConnectionAsync();
        Assert.Equal(1L, await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM appointments WHERE session_id = @s AND slot_lock = 1", new { s = TestCatalog.Session(1) }));
    }

    [ContractFact]
    public async Task Write_ABatchFollowingAnother_CommitsInALaterTransactionOnTopOfIt()
    {
        using var metrics = new RecordedMetrics(Meters);
        var (store, writer, _) = await CreateAsync();
        var pool = (await store.LoadAsync(TestCatalog.Session(1)))!;
        var first = Seal(pool, ["P1"]);
        pool.Version = first.NewVersion;
        var second = Seal(pool, ["P2"]);

        var firstWrite = writer.WriteAsync(() => first);
        await writer.WriteAsync(() => second, after: firstWrite);

        var reloaded = (await store.LoadAsync(TestCatalog.Session(1)))!;
        Assert.Equal((2L, 2), (reloaded.Version, reloaded.HeldCount));
        Assert.Equal(2, metrics.Count(BatchWriterMetrics.TransactionDuration));
    }

    [ContractFact]
    public async Task Write_ABatchFollowingAFailedOne_IsCancelledUnwritten_EvenWhenItsVersionWouldMatch()
    {
        var (store, writer, _) = await CreateAsync();
        var session = TestCatalog.Session(1);
        var copy = (await store.LoadAsync(session))!; // this node's copy, about to go stale
        var elsewhere = Seal((await store.LoadAsync(session))!, ["Elsewhere"]);
        await writer.WriteAsync(() => elsewhere); // another node writes version 1
        var stale = Seal(copy, ["P1"]);
        copy.Version = stale.NewVersion;
        var behind = Seal(copy, ["P2"]); // expects version 1, which the row now has

        var staleWrite = writer.WriteAsync(() => stale);
        var behindWrite = writer.WriteAsync(() => behind, after: staleWrite);

        await Assert.ThrowsAsync<InconsistentStateException>(() => staleWrite);
        await Assert.ThrowsAsync<TaskCanceledException>(() => behindWrite);
        var reloaded = (await store.LoadAsync(session))!;
        Assert.Equal((1L, 1), (reloaded.Version, reloaded.HeldCount));
        Assert.Null(reloaded.Find(TestAppointmentIds.Of(session, "P2", "k")));
    }

    [ContractFact]
    public async Task Write_ABatchFollowingOneTheWriterNeverTook_FailsUnwritten_AndTheWriterGoesOn()
    {
        var (store, writer, _) = await CreateAsync();
        var orphan = await HoldBatchAsync(store, TestCatalog.Session(1), "P1");
        var neverQueued = new TaskCompletionSource().Task;

        await Assert.ThrowsAsync<InvalidOperationException>(() => writer.WriteAsync(() => orphan, after: neverQueued).WaitAsync(TimeSpan.FromSeconds(10)));
        var good = await HoldBatchAsync(store, TestCatalog.Session(2), "P2");
        await writer.WriteAsync(() => good);

        Assert.Equal(0, (await store.LoadAsync(TestCatalog.Session(1)))!.HeldCount);
        Assert.Equal(1, (await store.LoadAsync(TestCatalog.Session(2)))!.HeldCount);
    }

    protected async Task<(SqlSlotPoolStore Store, SlotPoolBatchWriter Writer, TestDatabase Database)> CreateAsync()
    {
        var database = await fixture.CreateDatabaseAsync();
        await TestCatalog.SeedAsync(database);
        var catalog = new SqlCatalogStore(database.ConnectionFactory);
        await catalog.AddMissingSessionsAsync(SessionGenerator.Generate(await catalog.LoadCatalogAsync(), TestCatalog.Today, TestCatalog.PlanningDays));
        var writer = new SlotPoolBatchWriter(database.ConnectionFactory, new BatchWriterMetrics(Meters), NullLogger<SlotPoolBatchWriter>.Instance);
        return (new SqlSlotPoolStore(database.ConnectionFactory, writer), writer, database);
    }

    /// <summary>Loads a pool, holds the next free slot for each patient, and seals the batch the pool would write.</summary>
    protected static async Task<PoolBatch> HoldBatchAsync(SqlSlotPoolStore store, string sessionId, params string[] patients) =>
        Seal((await store.LoadAsync(sessionId))!, patients);

    /// <summary>The same from a pool that has never seen the stored holds, as a stale node's copy would be.</summary>
    private static async Task<PoolBatch> StaleHoldBatchAsync(SqlSlotPoolStore store, string sessionId, string patient) =>
        Seal(new SlotPool((await store.LoadAsync(sessionId))!.Session, SessionStatus.Open, 0, []), [patient]);

    private static PoolBatch Seal(SlotPool pool, string[] patients)
    {
        var holds = patients.Select(p => pool.Hold(
            new HoldRequest(TestAppointmentIds.Of(pool.Session.SessionId, p, "k"), p, BookingChannel.App, null, p), Now, TimeSpan.FromMinutes(15)).Changes!).ToList();
        return PoolBatch.Seal(PoolRowState.Of(pool), holds);
    }
}

public sealed class SqliteSlotPoolBatchWriterContract(SqliteDatabaseFixture fixture) : SlotPoolBatchWriterContract(fixture), IClassFixture<SqliteDatabaseFixture>;

[TestSupport.MariaDb.RequiresMariaDb]
public sealed class MariaDbSlotPoolBatchWriterContract(MariaDbDatabaseFixture fixture) : SlotPoolBatchWriterContract(fixture), IClassFixture<MariaDbDatabaseFixture>
{
    /// <summary>
    /// MySqlConnector's async calls would resume each statement after the first on the thread pool, queued behind a
    /// peak's requests and below the writer thread's raised priority; the writer's synchronous calls keep them all on
    /// its own thread. The driver traces every statement it runs (ActivitySource "MySqlConnector").
    /// </summary>
    [TestSupport.MariaDb.MariaDbFact]
    public async Task Write_RunsEveryStatementOfItsTransactionOnTheWritersOwnThread()
    {
        var (store, writer, database) = await CreateAsync();
        var batch = await HoldBatchAsync(store, TestCatalog.Session(1), "P1", "P2");
        var databaseName = new MySqlConnectionStringBuilder(database.ConnectionString).Database;
        var statementThreads = new ConcurrentQueue<(string? Statement, string? Thread)>();
        using (var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "MySqlConnector",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = activity =>
            {
                if ((activity.GetTagItem("db.namespace") ?? activity.GetTagItem("db.name")) as string == databaseName)
                    statementThreads.Enqueue((activity.DisplayName, Thread.CurrentThread.Name));
            },
        })
        {
            ActivitySource.AddActivityListener(listener);
            await writer.WriteAsync(() => batch);
        }

        Assert.True(statementThreads.Count >= 2, $"Expected the claim and the rows as statements, saw {statementThreads.Count}.");
        Assert.All(statementThreads, statement => Assert.Equal("Slot pool batch writer", statement.Thread));
    }
}
