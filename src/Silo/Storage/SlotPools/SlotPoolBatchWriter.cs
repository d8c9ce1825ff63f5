using System.Diagnostics;
using System.Threading.Channels;
using Orleans.Storage;
using Hospital.Grains.SlotPools;
using Hospital.Silo.Storage.Resilience;
using Microsoft.Extensions.Logging;

namespace Hospital.Silo.Storage.SlotPools;

/// <summary>
/// The node's one writer of slot pool batches. Each pool already groups its own decisions into one batch; at a
/// release peak hundreds of pools have a batch ready at once, and writing each in its own transaction would make
/// the database's commit rate the limit. So the batches that wait together are written together, in one
/// transaction, every session row still version-checked. A stale session fails only its own batch; any other error
/// is narrowed down by writing the group's batches one by one, so a failure reaches exactly the callers it concerns.
/// One transaction at a time: two at once on MySQL measured no faster at a release burst, and SQLite admits one writer.
/// A batch that follows another of its pool (decided on top of it while it was being written) goes in a later
/// transaction than that one, and only if that one committed: written after a failed one, its version check could
/// pass against a row another node wrote meanwhile.
/// The writer has a thread of its own (<see cref="WriterThread"/>).
/// Its waits are bounded by the connection's timeouts (<see cref="StorageTimeoutOptions"/>): a database that stalls holds
/// every pool of the node behind this one writer, so a transaction that cannot finish within them fails all its batches at
/// once (narrowing it down batch by batch would wait once more per batch) and the writer goes on with the next. Each
/// transaction is one outcome of the node's <see cref="StorageCircuit"/>, so while the database is down batches fail at once.
/// </summary>
public sealed partial class SlotPoolBatchWriter : IAsyncDisposable
{
    /// <summary>At most this many batches per transaction, so one commit stays short.</summary>
    public const int MaxBatchesPerTransaction = 256;

    private readonly IDbConnectionFactory _connections;
    private readonly StorageCircuit? _circuit;
    private readonly BatchWriterMetrics _metrics;
    private readonly ILogger _logger;
    private readonly Channel<QueuedBatch> _queue = Channel.CreateUnbounded<QueuedBatch>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lazy<Task> _loop;

    public SlotPoolBatchWriter(IDbConnectionFactory connections, BatchWriterMetrics metrics, ILogger<SlotPoolBatchWriter> logger,
        StorageCircuit? circuit = null)
    {
        _connections = connections;
        _circuit = circuit;
        _metrics = metrics;
        _logger = logger;
        _loop = new Lazy<Task>(() => WriterThread.Start("Slot pool batch writer", Run));
    }

    /// <summary>
    /// Queues a pool's batch, sealed by <paramref name="seal"/> only when the transaction that writes it starts, so a pool
    /// can keep adding to it while it waits. Completes when the batch is committed; throws
    /// <see cref="InconsistentStateException"/> when its session row moved on. With <paramref name="after"/> (the write of
    /// a batch queued earlier) it is written in a later transaction than that one, and is cancelled unwritten if that failed.
    /// </summary>
    public Task WriteAsync(Func<PoolBatch> seal, Task? after = null)
    {
        var queued = new QueuedBatch(seal, after);
        if (!_queue.Writer.TryWrite(queued)) throw new ObjectDisposedException(nameof(SlotPoolBatchWriter));
        _ = _loop.Value;
        return queued.Committed.Task;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        if (_loop.IsValueCreated) await _loop.Value;
    }

    /// <summary>The transaction loop, on its own thread until the writer is disposed.</summary>
    private void Run()
    {
        if (WriterThreadPriority.TryRaiseCurrentThread() is { } reason) LogDefaultPriority(WriterThreadPriority.Nice, reason);
        List<QueuedBatch> group = [], carried = [], next = [];
        while (carried.Count > 0 || _queue.Reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            foreach (var queued in carried)
            {
                // Whatever it follows was taken by an earlier transaction, which has ended.
                if (queued.After is { IsCompleted: false }) queued.Committed.TrySetException(new InvalidOperationException("A batch may only follow one queued before it."));
                else Take(queued, group, next);
            }
            while (group.Count < MaxBatchesPerTransaction && _queue.Reader.TryRead(out var queued)) Take(queued, group, next);
            (carried, next) = (next, carried);
            next.Clear();
            if (group.Count > 0) SealAndWrite(group); // empty when every queued batch was cancelled or waits for this round's
            group.Clear();
        }
    }

    /// <summary>Takes a batch into this transaction's group, or carries it to the next one while what it follows is unwritten.</summary>
    private static void Take(QueuedBatch queued, List<QueuedBatch> group, List<QueuedBatch> carried)
    {
        if (queued.After is { IsCompleted: false } || group.Count >= MaxBatchesPerTransaction) carried.Add(queued);
        else if (queued.After is { IsCompletedSuccessfully: false }) queued.Committed.TrySetCanceled();
        else group.Add(queued);
    }

    /// <summary>
    /// Writes the batches taken for one transaction. They are sealed only once the transaction has begun: decisions
    /// their pools make while the connection is taken and the transaction begun still ride along. After a commit, the
    /// callers it answered come back at once with their next requests; sealed first, the next transaction carried the
    /// one or two that came back within microseconds, and the rest waited for it (one pool's transactions alternated
    /// between 256 bookings and 2 at a closed-loop burst).
    /// </summary>
    private void SealAndWrite(IReadOnlyList<QueuedBatch> taken)
    {
        var started = Stopwatch.GetTimestamp();
        CommandTransaction? begun = null;
        Exception? unavailable = null;
        try
        {
            begun = Guarded(() => CommandTransaction.Begin(_connections));
        }
        catch (Exception error)
        {
            // Trying again would only wait as long once more: the batches fail now, and their pools reload.
            unavailable = error;
        }
        var group = taken.Select(queued => queued.TrySeal()).OfType<SealedBatch>().ToList();
        if (unavailable is not null)
        {
            _metrics.TransactionEnded(Stopwatch.GetElapsedTime(started));
            foreach (var sealedBatch in group) sealedBatch.Committed.TrySetException(unavailable);
        }
        else if (group.Count > 0) Write(group, (begun!, started));
        else begun?.Dispose();
    }

    /// <summary>
    /// Writes sealed batches in the transaction <paramref name="begun"/> at its start time, or in a new one, narrowing any
    /// failure down to the batches it concerns.
    /// </summary>
    private void Write(IReadOnlyList<SealedBatch> group, (CommandTransaction Transaction, long StartedAt)? begun = null)
    {
        var pending = group;
        while (pending.Count > 0)
        {
            IReadOnlyList<int> stale;
            var started = begun?.StartedAt ?? Stopwatch.GetTimestamp();
            var transaction = begun?.Transaction;
            begun = null;
            try
            {
                var batches = pending.Select(q => q.Batch).ToList();
                stale = Guarded(() => PoolBatchSql.TryCommit(_connections, transaction ?? CommandTransaction.Begin(_connections), batches));
            }
            catch (Exception error) when (pending.Count > 1 && !_connections.Dialect.IsUnavailable(error))
            {
                // The database refused a statement: write the batches one by one to find whose it was.
                transaction?.Dispose();
                foreach (var single in pending) Write([single]);
                return;
            }
            catch (Exception error)
            {
                transaction?.Dispose(); // a circuit that opened meanwhile refuses the transaction without running it
                foreach (var queued in pending) queued.Committed.TrySetException(error);
                return;
            }
            finally
            {
                _metrics.TransactionEnded(Stopwatch.GetElapsedTime(started));
            }

            foreach (var index in stale)
            {
                var batch = pending[index].Batch;
                pending[index].Committed.TrySetException(new InconsistentStateException(
                    $"Session {batch.SessionId} changed since version {batch.ExpectedVersion}.", null, batch.ExpectedVersion.ToString()));
            }
            if (stale.Count == 0)
            {
                _metrics.WritesCommitted(pending.Count);
                foreach (var queued in pending) queued.Committed.TrySetResult();
                return;
            }
            pending = pending.Where((_, index) => !stale.Contains(index)).ToList();
        }
    }

    private T Guarded<T>(Func<T> operation) => _circuit is null ? operation() : _circuit.Execute(operation);

    [LoggerMessage(Level = LogLevel.Information, Message = "The slot pool batch writer keeps the default thread priority: raising it to nice {Nice} failed ({Reason}); allow it (CAP_SYS_NICE, or an RLIMIT_NICE of 30) for shorter commits at a peak")]
    private partial void LogDefaultPriority(int nice, string reason);

    private sealed record QueuedBatch(Func<PoolBatch> Seal, Task? After)
    {
        // Continuations run asynchronously: a pool's code must never run on the writer's thread.
        public TaskCompletionSource Committed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>The batch as it stands now, or null (and its caller failed) if it cannot be sealed; the writer must go on either way.</summary>
        public SealedBatch? TrySeal()
        {
            try
            {
                return new SealedBatch(Seal(), Committed);
            }
            catch (Exception error)
            {
                Committed.TrySetException(error);
                return null;
            }
        }
    }

    private sealed record SealedBatch(PoolBatch Batch, TaskCompletionSource Committed);
}
