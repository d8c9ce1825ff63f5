using System.Threading.Channels;
using Hospital.Grains.Abstractions.Storage;
using Hospital.Grains.SlotPools;

namespace Hospital.Silo.Storage.SlotPools;

/// <summary>
/// The node's one writer of slot pool batches. Each pool already groups its own decisions into one batch; at a
/// release peak hundreds of pools have a batch ready at once, and writing each in its own transaction would make
/// the database's commit rate the limit. So the batches that wait together are written together, in one
/// transaction, every session row still version-checked. A stale session fails only its own batch; any other error
/// is narrowed down by writing the group's batches one by one, so a failure reaches exactly the callers it concerns.
/// Runs on one thread-pool thread, because both drivers block.
/// </summary>
public sealed class SlotPoolBatchWriter : IAsyncDisposable
{
    /// <summary>At most this many batches per transaction, so one commit stays short.</summary>
    public const int MaxBatchesPerTransaction = 256;

    private readonly IDbConnectionFactory _connections;
    private readonly Channel<QueuedBatch> _queue = Channel.CreateUnbounded<QueuedBatch>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lazy<Task> _loop;

    public SlotPoolBatchWriter(IDbConnectionFactory connections)
    {
        _connections = connections;
        _loop = new Lazy<Task>(() => Task.Run(RunAsync));
    }

    /// <summary>
    /// Queues a pool's batch, sealed by <paramref name="seal"/> only when the transaction that writes it starts, so a pool
    /// can keep adding to it while it waits. Completes when the batch is committed; throws
    /// <see cref="InconsistentStateException"/> when its session row moved on.
    /// </summary>
    public Task WriteAsync(Func<PoolBatch> seal)
    {
        var queued = new QueuedBatch(seal);
        if (!_queue.Writer.TryWrite(queued)) throw new ObjectDisposedException(nameof(SlotPoolBatchWriter));
        _ = _loop.Value;
        return queued.Committed.Task;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        if (_loop.IsValueCreated) await _loop.Value;
    }

    private async Task RunAsync()
    {
        var group = new List<SealedBatch>();
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (group.Count < MaxBatchesPerTransaction && _queue.Reader.TryRead(out var queued))
                if (queued.TrySeal() is { } batch) group.Add(batch);
            await WriteAsync(group);
            group.Clear();
        }
    }

    private async Task WriteAsync(IReadOnlyList<SealedBatch> group)
    {
        var pending = group;
        while (pending.Count > 0)
        {
            IReadOnlyList<int> stale;
            try
            {
                stale = await PoolBatchSql.TryCommitAsync(_connections, pending.Select(q => q.Batch).ToList(), CancellationToken.None);
            }
            catch (Exception) when (pending.Count > 1)
            {
                foreach (var single in pending) await WriteAsync([single]);
                return;
            }
            catch (Exception error)
            {
                pending[0].Committed.TrySetException(error);
                return;
            }

            foreach (var index in stale)
            {
                var batch = pending[index].Batch;
                pending[index].Committed.TrySetException(new InconsistentStateException(
                    $"Session {batch.SessionId} changed since version {batch.ExpectedVersion}.", null, batch.ExpectedVersion.ToString()));
            }
            if (stale.Count == 0)
            {
                foreach (var queued in pending) queued.Committed.TrySetResult();
                return;
            }
            pending = pending.Where((_, index) => !stale.Contains(index)).ToList();
        }
    }

    private sealed record QueuedBatch(Func<PoolBatch> Seal)
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
