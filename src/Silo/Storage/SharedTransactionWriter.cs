using System.Data.Common;
using System.Diagnostics;
using System.Threading.Channels;
using Dapper;
using Hospital.Silo.Storage.Resilience;
using Hospital.Silo.Storage.SlotPools;
using Microsoft.Extensions.Logging;

namespace Hospital.Silo.Storage;

/// <summary>
/// The node's writer of short, independent write units that callers wait on: a payment order's change with its audit row,
/// a gateway callback's nonce, the sandbox gateway's records. A paid booking makes six of them besides its pool
/// batch; each in a transaction of its own, they queued for SQLite's one writer (and its busy-wait sleeps) and took a
/// MariaDB connection and an fsync each, so the payments of a release burst drained the connection pool. Here the units
/// that wait together share one transaction: a unit that throws (a stale version, a refused statement) is rolled back
/// alone and its caller gets its error, the others commit (see <see cref="Write"/>). Every caller is answered only
/// after the commit; when the transaction cannot begin or commit, or the database is unavailable mid-way, every unit of it
/// fails with that error. Within a transaction units run in the order they were queued, on a writer thread of its own
/// (<see cref="WriterThread"/>), with the driver's synchronous calls on the connection given to them (the transaction is the connection's: see
/// <see cref="CommandTransaction"/>). A unit must not wait for anything but its own statements, and
/// may run twice: when another unit of its transaction is refused, it runs again in the next. On MySQL two transactions
/// run at once, each on a thread of its own: a unit's statements are round trips, so a transaction of a hundred units took
/// tens of milliseconds, and a unit queued just after one began waited for it and then for its own. The units are
/// independent (a payment grain writes one change at a time), so no order between transactions is kept. SQLite admits one
/// writer: one transaction at a time there.
/// </summary>
public sealed partial class SharedTransactionWriter : IAsyncDisposable
{
    /// <summary>At most this many units per transaction, so one commit stays short.</summary>
    public const int MaxUnitsPerTransaction = 256;

    private const string Savepoint = "unit";

    private readonly IDbConnectionFactory _connections;
    private readonly SharedWriterMetrics _metrics;
    private readonly StorageCircuit? _circuit;
    private readonly ILogger _logger;
    private readonly Channel<QueuedUnit> _queue = Channel.CreateUnbounded<QueuedUnit>();
    private readonly Lazy<Task> _loop;

    // MySQL replaces a savepoint when one of the same name is set again, so the next unit's SAVEPOINT frees the last one and
    // releasing it would only cost a round trip per unit. SQLite nests savepoints of one name: left unreleased, they made its
    // transactions three times as long in a release burst (2026-12-05), so there each unit releases its own.
    private readonly bool _releaseSavepoints;

    public SharedTransactionWriter(IDbConnectionFactory connections, SharedWriterMetrics metrics, ILogger<SharedTransactionWriter> logger,
        StorageCircuit? circuit = null)
    {
        _connections = connections;
        _metrics = metrics;
        _circuit = circuit;
        _logger = logger;
        ConcurrentTransactions = connections.Provider == StorageProvider.Sqlite ? 1 : 2;
        _releaseSavepoints = connections.Provider == StorageProvider.Sqlite;
        _loop = new Lazy<Task>(() => Task.WhenAll(Enumerable.Range(1, ConcurrentTransactions)
            .Select(thread => WriterThread.Start($"Shared transaction writer {thread}", Run))));
    }

    /// <summary>How many transactions run at once: 1 on SQLite, 2 on MySQL.</summary>
    public int ConcurrentTransactions { get; }

    /// <summary>Queues <paramref name="unit"/>; completes with its result once the transaction it ran in has committed.</summary>
    public Task<T> WriteAsync<T>(Func<DbConnection, T> unit)
    {
        var queued = new QueuedUnit(connection => unit(connection));
        if (!_queue.Writer.TryWrite(queued)) throw new ObjectDisposedException(nameof(SharedTransactionWriter));
        _ = _loop.Value;
        return Typed<T>(queued.Committed.Task);
    }

    /// <summary>Queues <paramref name="unit"/>; completes once the transaction it ran in has committed.</summary>
    public Task WriteAsync(Action<DbConnection> unit) => WriteAsync(connection =>
    {
        unit(connection);
        return true;
    });

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        if (_loop.IsValueCreated) await _loop.Value;
    }

    private static async Task<T> Typed<T>(Task<object?> committed) => (T)(await committed)!;

    private void Run()
    {
        if (WriterThreadPriority.TryRaiseCurrentThread() is { } reason) LogDefaultPriority(WriterThreadPriority.Nice, reason);
        List<QueuedUnit> group = [];
        while (_queue.Reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            while (group.Count < MaxUnitsPerTransaction && _queue.Reader.TryRead(out var queued)) group.Add(queued);
            if (group.Count == 0) continue; // another writer thread, woken by the same unit, took it
            Write(group);
            group.Clear();
        }
    }

    /// <summary>
    /// Writes the group without savepoints first: a savepoint is a statement per unit (a round trip on MySQL, a parse on
    /// SQLite), and units are almost never refused. When one is, that pass is rolled back whole, the refused unit keeps its
    /// error (nothing of it is written), and the others run again, each inside a savepoint of its own.
    /// </summary>
    private void Write(IReadOnlyList<QueuedUnit> group)
    {
        if (Transact(group, savepoints: false) is not { } refused) return;
        refused.Answer();
        var rest = group.Where(unit => unit != refused).ToList();
        if (rest.Count > 0) Transact(rest, savepoints: true);
    }

    /// <summary>
    /// Runs the group in one transaction and answers its units; without savepoints it stops at the first refused unit,
    /// rolls back, answers nobody and returns that unit.
    /// </summary>
    private QueuedUnit? Transact(IReadOnlyList<QueuedUnit> group, bool savepoints)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var refused = Guarded(() =>
            {
                using var transaction = CommandTransaction.Begin(_connections);
                foreach (var unit in group)
                {
                    if (savepoints) unit.RunInSavepoint(transaction.Connection, _connections.Dialect, _releaseSavepoints);
                    else if (!unit.Run(transaction.Connection, _connections.Dialect)) return unit;
                }
                transaction.Commit();
                return null;
            });
            if (refused is not null) return refused;
        }
        catch (Exception error)
        {
            foreach (var unit in group) unit.Fail(error);
            return null;
        }
        finally
        {
            _metrics.TransactionEnded(Stopwatch.GetElapsedTime(started));
        }
        _metrics.WritesCommitted(group.Count(unit => !unit.Refused));
        foreach (var unit in group) unit.Answer();
        return null;
    }

    private T Guarded<T>(Func<T> operation) => _circuit is null ? operation() : _circuit.Execute(operation);

    [LoggerMessage(Level = LogLevel.Information, Message = "The shared transaction writer keeps the default thread priority: raising it to nice {Nice} failed ({Reason})")]
    private partial void LogDefaultPriority(int nice, string reason);

    private sealed class QueuedUnit(Func<DbConnection, object?> work)
    {
        private object? _result;
        private Exception? _refused;

        // Continuations run asynchronously: a caller's code must never run on the writer's thread.
        public TaskCompletionSource<object?> Committed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>True when the unit threw: nothing of it is written.</summary>
        public bool Refused => _refused is not null;

        /// <summary>
        /// Runs the unit; false when it was refused (an error of its own, kept for its caller). An unavailable database ends
        /// the whole transaction.
        /// </summary>
        public bool Run(DbConnection connection, ISqlDialect dialect)
        {
            try
            {
                _result = work(connection);
                return true;
            }
            catch (Exception error) when (!dialect.IsUnavailable(error))
            {
                _refused = error;
                return false;
            }
        }

        /// <summary>
        /// Runs the unit inside a savepoint; when it is refused, rolls back to it. A savepoint that cannot be rolled back to
        /// (the transaction itself ended) ends the whole transaction.
        /// </summary>
        public void RunInSavepoint(DbConnection connection, ISqlDialect dialect, bool release)
        {
            connection.Execute($"SAVEPOINT {Savepoint}");
            if (!Run(connection, dialect)) connection.Execute($"ROLLBACK TO SAVEPOINT {Savepoint}");
            if (release) connection.Execute($"RELEASE SAVEPOINT {Savepoint}");
        }

        public void Answer()
        {
            if (_refused is not null) Committed.TrySetException(_refused);
            else Committed.TrySetResult(_result);
        }

        /// <summary>The transaction failed: nothing of it was written. A unit refused on its own keeps its own reason.</summary>
        public void Fail(Exception error) => Committed.TrySetException(_refused ?? error);
    }
}
