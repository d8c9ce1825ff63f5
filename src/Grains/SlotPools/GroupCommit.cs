using Hospital.Grains.Abstractions.Storage;

namespace Hospital.Grains.SlotPools;

/// <summary>
/// The pool's group commit. Each command is decided at once, in arrival order, against the pool in memory;
/// decisions that change rows join the open batch, and while one batch is written (one transaction) the next
/// one fills. A batch handed to the node's writer keeps taking decisions until the writer starts its transaction.
/// Callers are answered only after their batch commits, so an acknowledged hold is durable.
/// A version conflict (another node wrote the session) reloads the pool and decides the batch again;
/// any other write failure fails exactly that batch and decides the commands queued behind it again.
/// Invariant: every member runs on the owning grain's turns. The grain is reentrant, so other calls
/// interleave at the write's await, but never run in parallel with this code.
/// </summary>
internal sealed class GroupCommit(SlotPool pool, Func<PendingBatch, Task> write, Func<Task<SlotPool>> reload)
{
    /// <summary>How many times one batch is decided again after version conflicts before its callers are failed.</summary>
    public const int MaxConflictRetries = 5;

    private List<PendingCommand> _open = [];
    private PendingBatch? _waitingForWriter;
    private List<PendingCommand>? _waitingForReload;
    private TaskCompletionSource? _refreshAfterWrite;
    private Task? _idleReload;
    private Exception? _broken;
    private bool _writing;

    /// <summary>The pool as decided so far: committed rows plus the decisions of batches being written.</summary>
    public SlotPool Pool { get; private set; } = pool;

    public Task<T> SubmitAsync<T>(Func<SlotPool, Decision<T>> decide)
    {
        if (_broken is not null)
            throw new InconsistentStateException($"Pool state could not be reloaded: {_broken.Message}", null, Pool.Version.ToString());
        var command = new PendingCommand<T>(decide);
        if (_waitingForReload is not null) _waitingForReload.Add(command);
        else Decide(command);
        return command.Task;
    }

    /// <summary>
    /// Replaces the pool with the stored one, for a pool that may be behind the database because another node wrote the
    /// session (an appointment it has never seen). While a batch is being written the pool cannot be swapped under it,
    /// so the reload happens as soon as that batch is done, before the next one is sealed; the task completes then.
    /// </summary>
    public Task RefreshAsync()
    {
        if (_broken is not null) return Task.CompletedTask;
        if (_writing)
        {
            _refreshAfterWrite ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _refreshAfterWrite.Task;
        }
        // A refresh already reading the database answers this one too: two reloads at once would both re-decide the queue.
        return _idleReload is { IsCompleted: false } ? _idleReload : _idleReload = ReloadAsync([]);
    }

    private void Decide(PendingCommand command)
    {
        if (!command.Decide(Pool)) return;
        if (_waitingForWriter?.TryAdd(command, Pool) == true) return;
        _open.Add(command);
        if (!_writing) _ = WriteLoopAsync();
    }

    private async Task WriteLoopAsync()
    {
        _writing = true;
        var conflicts = 0;
        while ((_open.Count > 0 || _refreshAfterWrite is not null) && _broken is null)
        {
            if (_refreshAfterWrite is { } refresh)
            {
                _refreshAfterWrite = null;
                await ReloadAsync([]);
                refresh.TrySetResult();
                continue;
            }
            var batch = new PendingBatch(_open, Pool);
            _open = [];
            _waitingForWriter = batch;
            try
            {
                await write(batch);
                _waitingForWriter = null;
                Pool.Version = batch.Seal().NewVersion;
                conflicts = 0;
                foreach (var command in batch.Commands) command.Complete();
            }
            catch (Exception exception)
            {
                _waitingForWriter = null;
                var retry = exception is InconsistentStateException && ++conflicts < MaxConflictRetries;
                await ReloadAsync(retry ? [.. batch.Commands] : []);
                // Only now: a caller told of the failure must find the pool as stored, not with its own failed decision.
                if (!retry) foreach (var command in batch.Commands) command.Fail(exception);
            }
        }
        _writing = false;
        // Broken: nothing more will be read from the database; a waiting refresh goes on with the pool as it is.
        _refreshAfterWrite?.TrySetResult();
        _refreshAfterWrite = null;
    }

    /// <summary>Replaces the pool with the stored one and decides again every command decided on the discarded state.</summary>
    private async Task ReloadAsync(List<PendingCommand> retried)
    {
        _waitingForReload = [.. retried, .. _open];
        _open = [];
        try
        {
            Pool = await reload();
        }
        catch (Exception exception)
        {
            // Without a trustworthy state the pool must not decide anything more; the grain is deactivated on the next call.
            _broken = exception;
            foreach (var command in _waitingForReload) command.Fail(exception);
            _waitingForReload = null;
            return;
        }
        var again = _waitingForReload;
        _waitingForReload = null;
        foreach (var command in again) Decide(command);
    }
}
