using System.Data.Common;
using Dapper;
using Hospital.Silo.Storage;
using Hospital.Silo.Storage.Resilience;
using Hospital.TestSupport.Contracts;
using Hospital.TestSupport.Databases;

namespace Hospital.Silo.Tests.Storage;

/// <summary>
/// The node's shared transaction writer on each backend: units that wait together share one transaction and are answered
/// after its commit, a unit that throws is rolled back alone, and a database that fails mid-way fails every unit of the
/// transaction with nothing written.
/// </summary>
public abstract class SharedTransactionWriterContract(TestDatabaseFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [ContractFact]
    public async Task Write_UnitsQueuedWhileTheTransactionsRun_ShareTheNextOne()
    {
        var (database, transactions) = (await CreateTableAsync(), new Counter());
        await using var writer = TestSharedWriter.For(new ConnectionOpenedHook(database.ConnectionFactory, transactions.Add));
        using var occupied = await Occupied.AllOfAsync(writer);

        var queued = Enumerable.Range(0, 20).Select(i => writer.WriteAsync(connection => Insert(connection, $"u{i}"))).ToList();
        await Task.Delay(100);
        Assert.All(queued, unit => Assert.False(unit.IsCompleted));
        occupied.ReleaseFirst();
        await Task.WhenAll(queued);

        Assert.Equal(writer.ConcurrentTransactions + 1, transactions.Value);
        Assert.Equal(20, await CountAsync(database));
        await occupied.ReleaseAllAsync();
    }

    [ContractFact]
    public async Task Write_UnitsOneAtATime_TakeOneTransactionEach_NoWriterThreadRunsAnEmptyOne()
    {
        var (database, transactions) = (await CreateTableAsync(), new Counter());
        var writer = TestSharedWriter.For(new ConnectionOpenedHook(database.ConnectionFactory, transactions.Add));

        for (var i = 0; i < 10; i++) await writer.WriteAsync(connection => Insert(connection, $"u{i}"));
        await writer.DisposeAsync(); // every writer thread has ended: a transaction begun for nothing is counted by now

        // On MySQL a unit wakes both writer threads; the one that finds the queue empty must not open a transaction.
        Assert.Equal(10, transactions.Value);
    }

    [ContractFact]
    public async Task Write_RunsAsManyTransactionsAtOnceAsTheDatabaseAdmits()
    {
        var database = await CreateTableAsync();
        await using var writer = TestSharedWriter.For(database.ConnectionFactory);

        using var occupied = await Occupied.AllOfAsync(writer); // each began while the ones before it waited
        var queued = writer.WriteAsync(connection => Insert(connection, "queued"));
        await Task.Delay(200);

        Assert.False(queued.IsCompleted);
        Assert.Equal(database.ConnectionFactory.Provider == StorageProvider.Sqlite ? 1 : 2, writer.ConcurrentTransactions);
        await occupied.ReleaseAllAsync();
        await queued;
    }

    [ContractFact]
    public async Task Write_AnswersWithTheUnitsResult_AfterItIsCommitted()
    {
        var database = await CreateTableAsync();
        await using var writer = TestSharedWriter.For(database.ConnectionFactory);

        var inserted = await writer.WriteAsync(connection => Insert(connection, "a"));
        var again = await writer.WriteAsync(connection => connection.Execute(
            $"{database.ConnectionFactory.Dialect.InsertOrIgnoreInto} shared_writer_rows (id) VALUES ('a')"));

        Assert.Equal((1, 0), (inserted, again));
        Assert.Equal(1, await CountAsync(database)); // read on another connection: committed
    }

    [ContractFact]
    public async Task Write_AUnitThatThrows_IsRolledBackAlone_AndItsCallerGetsItsError()
    {
        var database = await CreateTableAsync();
        await using var writer = TestSharedWriter.For(database.ConnectionFactory);
        using var occupied = await Occupied.AllOfAsync(writer);

        var before = writer.WriteAsync(connection => Insert(connection, "before"));
        var refused = writer.WriteAsync(connection =>
        {
            Insert(connection, "refused");
            throw new InvalidOperationException("stale version");
        });
        var duplicate = writer.WriteAsync(connection => Insert(connection, "before")); // refused by the database itself
        var after = writer.WriteAsync(connection => Insert(connection, "after"));
        occupied.ReleaseFirst();

        await Task.WhenAll(before, after);
        Assert.Equal("stale version", (await Assert.ThrowsAsync<InvalidOperationException>(() => refused)).Message);
        await Assert.ThrowsAnyAsync<DbException>(() => duplicate);
        Assert.Equal(["after", "before"], await IdsAsync(database));
        await occupied.ReleaseAllAsync();
    }

    [ContractFact]
    public async Task Write_AUnitRefused_RunsOnce_AndTheOthersOfItsTransactionAreWrittenOnce()
    {
        var database = await CreateTableAsync();
        await using var writer = TestSharedWriter.For(database.ConnectionFactory);
        using var occupied = await Occupied.AllOfAsync(writer);
        var refusals = new Counter();

        var before = writer.WriteAsync(connection => Insert(connection, "before"));
        var refused = writer.WriteAsync(new Action<DbConnection>(_ =>
        {
            refusals.Add();
            throw new InvalidOperationException("stale version");
        }));
        var after = writer.WriteAsync(connection => Insert(connection, "after"));
        occupied.ReleaseFirst();

        Assert.Equal((1, 1), (await before, await after));
        await Assert.ThrowsAsync<InvalidOperationException>(() => refused);
        Assert.Equal(1, refusals.Value);
        Assert.Equal(["after", "before"], await IdsAsync(database));
        await occupied.ReleaseAllAsync();
    }

    [ContractFact]
    public async Task Write_TheDatabaseUnavailableWhenTheOthersRunAgain_FailsThemWithIt_TheRefusedUnitKeepsItsError_AndNothingIsWritten()
    {
        var database = await CreateTableAsync();
        await using var writer = TestSharedWriter.For(database.ConnectionFactory);
        using var occupied = await Occupied.AllOfAsync(writer);
        var runs = new Counter();

        var before = writer.WriteAsync(connection => Insert(connection, "before"));
        var lostOnItsSecondRun = writer.WriteAsync(new Action<DbConnection>(_ =>
        {
            runs.Add();
            if (runs.Value == 2) throw new StorageUnavailableException("the server went away", TimeSpan.FromSeconds(1));
        }));
        var refused = writer.WriteAsync(new Action<DbConnection>(_ => throw new InvalidOperationException("stale version")));
        occupied.ReleaseFirst();

        await Assert.ThrowsAsync<StorageUnavailableException>(() => before);
        await Assert.ThrowsAsync<StorageUnavailableException>(() => lostOnItsSecondRun);
        await Assert.ThrowsAsync<InvalidOperationException>(() => refused);
        Assert.Empty(await IdsAsync(database));
        await occupied.ReleaseAllAsync();
    }

    [ContractFact]
    public async Task Write_TheDatabaseUnavailableMidTransaction_FailsEveryUnitOfIt_AndWritesNothing_ThenTheWriterGoesOn()
    {
        var database = await CreateTableAsync();
        await using var writer = TestSharedWriter.For(database.ConnectionFactory);
        using var occupied = await Occupied.AllOfAsync(writer);

        var before = writer.WriteAsync(connection => Insert(connection, "before"));
        var lost = writer.WriteAsync(new Action<DbConnection>(_ =>
            throw new StorageUnavailableException("the server went away", TimeSpan.FromSeconds(1))));
        var after = writer.WriteAsync(connection => Insert(connection, "after"));
        occupied.ReleaseFirst();

        foreach (var unit in new[] { before, lost, after }) await Assert.ThrowsAsync<StorageUnavailableException>(() => unit);
        Assert.Empty(await IdsAsync(database));
        await occupied.ReleaseAllAsync();
        await writer.WriteAsync(connection => Insert(connection, "later"));
        Assert.Equal(["later"], await IdsAsync(database));
    }

    [ContractFact]
    public async Task Write_RecordsEachTransactionsLength_AndTheUnitsItCommitted_NotThoseRolledBack()
    {
        var database = await CreateTableAsync();
        var meters = TestSharedWriter.NewMeters();
        using var metrics = new RecordedMetrics(meters);
        await using var writer = TestSharedWriter.For(database.ConnectionFactory, meters);

        await writer.WriteAsync(connection => Insert(connection, "a"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => writer.WriteAsync(connection =>
        {
            Insert(connection, "b");
            throw new InvalidOperationException("stale version");
        }));

        Assert.Equal(2, metrics.Count(SharedWriterMetrics.TransactionDuration));
        Assert.True(metrics.Sum(SharedWriterMetrics.TransactionDuration) > 0);
        Assert.Equal(1, metrics.Sum(SharedWriterMetrics.Units));
        Assert.Equal(1, metrics.Count(SharedWriterMetrics.TransactionUnits)); // the refused unit's transaction was rolled back
    }

    [ContractFact]
    public async Task Write_NoConnection_FailsTheUnits()
    {
        var database = await CreateTableAsync();
        var refusing = new ConnectionOpenedHook(database.ConnectionFactory, () => throw new StorageUnavailableException("no connection", TimeSpan.FromSeconds(1)));
        await using var writer = TestSharedWriter.For(refusing);

        await Assert.ThrowsAsync<StorageUnavailableException>(() => writer.WriteAsync(connection => Insert(connection, "a")));
        Assert.Empty(await IdsAsync(database));
    }

    private async Task<TestDatabase> CreateTableAsync()
    {
        var database = await fixture.CreateDatabaseAsync();
        await using var connection = await database.ConnectionFactory.OpenConnectionAsync();
        await connection.ExecuteAsync("CREATE TABLE shared_writer_rows (id VARCHAR(32) NOT NULL PRIMARY KEY)");
        return database;
    }

    private static int Insert(DbConnection connection, string id) =>
        connection.Execute("INSERT INTO shared_writer_rows (id) VALUES (@id)", new { id });

    private static async Task<long> CountAsync(TestDatabase database)
    {
        await using var connection = await database.ConnectionFactory.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM shared_writer_rows");
    }

    private static async Task<List<string>> IdsAsync(TestDatabase database)
    {
        await using var connection = await database.ConnectionFactory.OpenConnectionAsync();
        return (await connection.QueryAsync<string>("SELECT id FROM shared_writer_rows ORDER BY id")).AsList();
    }

    /// <summary>
    /// Each of the writer's transactions held by a unit that waits for a gate of its own, each seen started before the next
    /// is queued. Units queued meanwhile wait together, and all go to the first transaction after <see cref="ReleaseFirst"/>.
    /// </summary>
    private sealed class Occupied : IDisposable
    {
        private readonly List<ManualResetEventSlim> _gates = [];
        private readonly List<Task> _units = [];

        public static async Task<Occupied> AllOfAsync(SharedTransactionWriter writer)
        {
            var occupied = new Occupied();
            for (var i = 0; i < writer.ConcurrentTransactions; i++)
            {
                var (gate, started) = (new ManualResetEventSlim(), new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
                occupied._gates.Add(gate);
                occupied._units.Add(writer.WriteAsync(_ =>
                {
                    started.SetResult();
                    return gate.Wait(Patience);
                }));
                await started.Task.WaitAsync(Patience);
            }
            return occupied;
        }

        public void ReleaseFirst() => _gates[0].Set();

        public Task ReleaseAllAsync()
        {
            _gates.ForEach(gate => gate.Set());
            return Task.WhenAll(_units);
        }

        public void Dispose() => _gates.ForEach(gate =>
        {
            gate.Set();
            gate.Dispose();
        });
    }

    private sealed class Counter
    {
        private int _value;

        public int Value => Volatile.Read(ref _value);

        public void Add() => Interlocked.Increment(ref _value);
    }
}

public sealed class SqliteSharedTransactionWriterContract(SqliteDatabaseFixture fixture) : SharedTransactionWriterContract(fixture), IClassFixture<SqliteDatabaseFixture>;

[TestSupport.MariaDb.RequiresMariaDb]
public sealed class MariaDbSharedTransactionWriterContract(MariaDbDatabaseFixture fixture) : SharedTransactionWriterContract(fixture), IClassFixture<MariaDbDatabaseFixture>;
