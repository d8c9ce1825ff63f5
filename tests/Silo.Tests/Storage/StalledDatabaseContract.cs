using System.Data.Common;
using System.Diagnostics;
using Dapper;
using Hospital.Grains.Abstractions.Booking;
using Hospital.Grains.Catalog;
using Hospital.Grains.SlotPools;
using Hospital.Silo.Storage;
using Hospital.Silo.Storage.Catalog;
using Hospital.Silo.Storage.Migrations;
using Hospital.Silo.Storage.MySql;
using Hospital.Silo.Storage.SlotPools;
using Hospital.TestSupport.Databases;
using Hospital.TestSupport.Hospital;
using Hospital.TestSupport.MariaDb;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MySqlConnector;

namespace Hospital.Silo.Tests.Storage;

/// <summary>
/// The batch writer and the pool store on a MariaDB server of their own that the test stalls (SIGSTOP) and resumes:
/// waits are bounded, a stalled transaction fails all its batches at once, and a commit whose answer was lost is found.
/// </summary>
public sealed class StalledDatabaseContract : IAsyncLifetime
{
    /// <summary>Generous: the default timeouts answer in about 2 s; the driver's own defaults took 15 to 30 s.</summary>
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(5);

    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private FreezableMariaDb _server = null!;
    private string _connectionString = null!;
    private MySqlConnectionFactory _connections = null!;
    private SqlSlotPoolStore _store = null!;
    private SlotPoolBatchWriter _writer = null!;

    public async Task InitializeAsync()
    {
        if (MariaDbAvailability.SkipReason is not null) return;
        _server = await FreezableMariaDb.StartAsync();
        var connectionString = _connectionString = await _server.CreateDatabaseAsync();
        _connections = new MySqlConnectionFactory(connectionString);
        var database = new TestDatabase(StorageProvider.MySql, connectionString, _connections, () => default);
        await new SchemaMigrator(_connections, TimeProvider.System, NullLogger<SchemaMigrator>.Instance).MigrateAsync();
        await TestCatalog.SeedAsync(database);
        var catalog = new SqlCatalogStore(_connections);
        await catalog.AddMissingSessionsAsync(SessionGenerator.Generate(await catalog.LoadCatalogAsync(), TestCatalog.Today, TestCatalog.PlanningDays));
        _writer = new SlotPoolBatchWriter(_connections, new BatchWriterMetrics(_services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>()),
            NullLogger<SlotPoolBatchWriter>.Instance);
        _store = new SqlSlotPoolStore(_connections, _writer);
    }

    public async Task DisposeAsync()
    {
        if (_server is null) return;
        _server.Thaw();
        await _writer.DisposeAsync();
        await _server.DisposeAsync();
        await _services.DisposeAsync();
    }

    [MariaDbFact]
    public async Task Write_ManyPoolsWithTheDatabaseStalled_FailsEveryBatchWithinSeconds_AndCommitsAgainOnceItResumes()
    {
        var sessions = Enumerable.Range(1, 6)
            .SelectMany(day => new[] { TestCatalog.Session(day), TestCatalog.Session(day, TestCatalog.SharedDoctor) }).ToList();
        var batches = await Task.WhenAll(sessions.Select(s => HoldBatchAsync(s, "P1")));
        // The writer is held in a transaction of its own while every batch is queued, so they all go in its next one; the
        // server stalls once that next transaction has begun, so its claim on the session rows is never answered.
        using var stall = FreezeAfter("START TRANSACTION", occurrence: 2);
        var writes = await QueueWhileTheWriterIsBusyAsync(batches);

        var clock = Stopwatch.StartNew();
        foreach (var write in writes) await Assert.ThrowsAnyAsync<DbException>(() => write);
        var failedAfter = clock.Elapsed;
        _server.Thaw();

        Assert.True(failedAfter < Prompt, $"The last of {writes.Count} batches failed after {failedAfter.TotalSeconds:0.0} s.");
        // Nothing was committed, and once the database answers again the writer goes on.
        foreach (var session in sessions) Assert.Equal(0L, (await _store.LoadAsync(session))!.Version);
        var again = await HoldBatchAsync(sessions[0], "P1");
        await _writer.WriteAsync(() => again);
        Assert.Equal(1, (await _store.LoadAsync(sessions[0]))!.HeldCount);
    }

    /// <summary>
    /// One session row locked by a transaction that hangs (another client's, holding it): the writer's transaction waits
    /// for that lock at most 1 s, and then the batches of every other session commit; only the locked one fails.
    /// </summary>
    [MariaDbFact]
    public async Task Write_WithOneSessionRowLockedElsewhere_CommitsEveryOtherSessionsBatch()
    {
        var locked = TestCatalog.Session(5);
        var free = TestCatalog.Session(6);
        var batches = new[] { await HoldBatchAsync(locked, "P1"), await HoldBatchAsync(free, "P1") };
        await using var holder = (MySqlConnection)await _connections.OpenConnectionAsync();
        await using var hanging = await holder.BeginTransactionAsync();
        await holder.ExecuteAsync("SELECT version FROM sessions WHERE session_id = @locked FOR UPDATE", new { locked }, hanging);

        // The writer is held in a transaction of its own while both are queued, so they go in its next one together.
        var writes = await QueueWhileTheWriterIsBusyAsync(batches);

        await Assert.ThrowsAnyAsync<DbException>(() => writes[0]);
        await writes[1];
        await hanging.RollbackAsync();
        Assert.Equal((0L, 1L), ((await _store.LoadAsync(locked))!.Version, (await _store.LoadAsync(free))!.Version));
    }

    /// <summary>
    /// As the writer's transaction looks from the server when its COMMIT was sent but the answer never came back (the
    /// caller was told the write failed): the session row is locked and changed, not yet committed. A pool reloading now
    /// must wait for that transaction's end and see what it committed.
    /// </summary>
    [MariaDbFact]
    public async Task Load_WhileATransactionWhoseAnswerWasLostHoldsTheSession_WaitsForItAndFindsWhatItCommitted()
    {
        var session = TestCatalog.Session(2);
        await using var orphan = (MySqlConnection)await _connections.OpenConnectionAsync();
        await using var transaction = await orphan.BeginTransactionAsync();
        await orphan.ExecuteAsync("UPDATE sessions SET version = version + 1 WHERE session_id = @session", new { session }, transaction);

        var load = _store.LoadAsync(session);
        using var stopWatching = new CancellationTokenSource();
        var waited = await Task.WhenAny(load, WaitForTheLoadToWaitAsync(stopWatching.Token));
        await stopWatching.CancelAsync();
        Assert.True(waited != load || (await load)!.Version == 1, "The load read the session without waiting for the transaction writing it.");
        await transaction.CommitAsync();

        Assert.Equal(1L, (await load)!.Version);
    }

    /// <summary>
    /// The ambiguous case end to end: the server stalls after the writer's rows went in and before its COMMIT is answered.
    /// The caller is told within seconds that the write failed; the COMMIT then lands when the server resumes, and the
    /// pool's reload finds the hold, so a retry with the same idempotency key is answered with it.
    /// </summary>
    [MariaDbFact]
    public async Task Write_WhoseCommitTheStalledServerNeverAnswered_FailsWithinSeconds_AndTheReloadFindsWhatCommitted()
    {
        var session = TestCatalog.Session(3);
        var batch = await HoldBatchAsync(session, "P1");
        var databaseName = new MySqlConnectionStringBuilder(_connectionString).Database;
        using var freezeBeforeCommit = FreezeAfterTheRowsStatement(databaseName);

        var clock = Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<DbException>(() => _writer.WriteAsync(() => batch));
        var failedAfter = clock.Elapsed;
        _server.Thaw();

        Assert.True(failedAfter < Prompt, $"The write failed after {failedAfter.TotalSeconds:0.0} s.");
        var reloaded = (await _store.LoadAsync(session))!;
        var found = reloaded.Find(TestAppointmentIds.Of(session, "P1", "k"));
        // Whichever way the server decided, the reload agrees with the table: never a pool that misses a committed hold.
        await using var connection = await _connections.OpenConnectionAsync();
        var stored = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM appointments WHERE session_id = @session", new { session });
        Assert.Equal(stored, found is null ? 0 : 1);
        Assert.Equal(stored, reloaded.Version);
    }

    /// <summary>
    /// Queues the batches while the writer is in a transaction of its own (a hold on today's session, which commits), so
    /// that it takes them all into its next transaction; returns their writes once that first transaction is over.
    /// </summary>
    private async Task<List<Task>> QueueWhileTheWriterIsBusyAsync(IEnumerable<PoolBatch> batches)
    {
        var blocker = await HoldBatchAsync(TestCatalog.Session(0), "P1");
        using var sealing = new ManualResetEventSlim();
        using var queued = new ManualResetEventSlim();
        var blocking = _writer.WriteAsync(() => { sealing.Set(); queued.Wait(); return blocker; });
        await Task.Run(sealing.Wait); // the writer has taken the blocker alone and begun its transaction
        var writes = batches.Select(batch => _writer.WriteAsync(() => batch)).ToList();
        queued.Set();
        await blocking;
        return writes;
    }

    /// <summary>SIGSTOPs the server as the writer's statement that inserts the rows ends, on the writer's thread, just before it commits.</summary>
    private IDisposable FreezeAfterTheRowsStatement(string? databaseName) => FreezeAfter("INSERT INTO appointments", occurrence: 1, databaseName);

    /// <summary>SIGSTOPs the server as the <paramref name="occurrence"/>th statement containing <paramref name="text"/> has been answered.</summary>
    private IDisposable FreezeAfter(string text, int occurrence, string? databaseName = null)
    {
        databaseName ??= new MySqlConnectionStringBuilder(_connectionString).Database;
        var seen = 0;
        void Check(Activity activity)
        {
            var statement = (activity.GetTagItem("db.query.text") ?? activity.GetTagItem("db.statement")) as string;
            if ((activity.GetTagItem("db.namespace") ?? activity.GetTagItem("db.name")) as string == databaseName
                && statement?.Contains(text, StringComparison.Ordinal) == true
                && Interlocked.Increment(ref seen) == occurrence)
                _server.Freeze();
        }
        var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "MySqlConnector",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = Check,
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }

    /// <summary>
    /// Until the load's read of the session row is on the server and has not finished: a primary-key read takes
    /// microseconds, so it is waiting for the row's lock (MariaDB shows it in the "Statistics" state, not as an InnoDB lock wait).
    /// </summary>
    private async Task WaitForTheLoadToWaitAsync(CancellationToken cancellationToken)
    {
        await using var watcher = new MySqlConnection(_server.ConnectionString);
        await watcher.OpenAsync(cancellationToken);
        const string Waiting = "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE INFO LIKE 'SELECT s.session_id AS SessionId%' AND ID <> CONNECTION_ID()";
        while (await watcher.ExecuteScalarAsync<long>(Waiting) == 0) await Task.Delay(10, cancellationToken);
    }

    private async Task<PoolBatch> HoldBatchAsync(string sessionId, string patient)
    {
        var pool = (await _store.LoadAsync(sessionId))!;
        var changes = pool.Hold(new HoldRequest(TestAppointmentIds.Of(sessionId, patient, "k"), patient, BookingChannel.App, null, patient),
            TestCatalog.Start, TimeSpan.FromMinutes(15)).Changes!;
        return PoolBatch.Seal(PoolRowState.Of(pool), [changes]);
    }
}
