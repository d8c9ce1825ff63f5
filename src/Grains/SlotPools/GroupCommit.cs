using System.Runtime.ExceptionServices;
using Orleans.Storage;

namespace Hospital.Grains.SlotPools;

/// <summary>
/// The pool's group commit. Each command is decided at once, in arrival order, against the pool in memory;
/// decisions that change rows join the open batch. A batch handed to the node's writer keeps taking decisions until
/// the writer starts its transaction; decisions made after that start the pool's next batch at once, which follows
/// the one being written (<see cref="PendingBatch.After"/>), so they ride the writer's next transaction instead of
/// the one after it. Callers are answered only after their batch commits, so an acknowledged hold is durable.
/// An answer that changes nothing (a retry finding its own hold or payment, a refusal because of a stop) may still rest
/// on decisions not yet committed: it waits for the newest batch in flight and is decided again if that batch fails,
/// unless its decision says the committed pool gives the same answer (<see cref="Decision{T}.TrueOfCommitted"/>).
/// Reads go to <see cref="Committed"/>, which holds only what the database has acknowledged.
/// A version conflict (another node wrote the session) reloads the pool and decides the batch again;
/// any other write failure fails exactly that batch and decides the commands behind it again. Either way the
/// batches following a failed one are never written (the writer drops them) and their commands are decided again.
/// <c>write</c> must return the store's own commit task, completed by the writer as the transaction ends, because a
/// following batch waits for it; what the pool does after a commit goes in <c>committed</c>, on the pool's turn.
/// Invariant: every member runs on the owning grain's turns. The grain is reentrant, so other calls
/// interleave at the write's await, but never run in parallel with this code.
/// </summary>
internal sealed class GroupCommit(SlotPool pool, Func<PendingBatch, Task> write, Func<Task<SlotPool>> reload, Action<PoolBatch>? committed = null)
{
    /// <summary>How many times one batch is decided again after version conflicts before its callers are failed.</summary>
    public const int MaxConflictRetries = 5;

    // Batches handed to the writer and not yet answered, oldest first: each follows the one before it, and only the
    // newest may still be open.
    private readonly List<InFlightBatch> _inFlight = [];
    // Decisions made while a refresh waits for the writes in flight; they get a batch once the pool is reloaded.
    private List<PendingCommand> _open = [];
    private List<PendingCommand>? _waitingForReload;
    private TaskCompletionSource? _refreshAfterWrite;
    private Task? _idleReload;
    // Why the last reload failed; until one succeeds, the pool decides nothing and every command first tries a reload.
    private Exception? _unloaded;
    private bool _answering;

    /// <summary>The pool as decided so far: committed rows plus the decisions of batches being written.</summary>
    public SlotPool Pool { get; private set; } = pool;

    /// <summary>The pool as the database holds it: what every read answers from.</summary>
    public SlotPool Committed { get; private set; } = pool.Copy();

    public Task<T> SubmitAsync<T>(Func<SlotPool, Decision<T>> decide)
    {
        var command = new PendingCommand<T>(decide);
        if (_waitingForReload is not null) _waitingForReload.Add(command);
        else if (_unloaded is not null) _ = ReloadAsync([command]);
        else Decide(command);
        return command.Task;
    }

    /// <summary>
    /// Replaces the pool with the stored one, for a pool that may be behind the database because another node wrote the
    /// session (an appointment it has never seen). While batches are being written the pool cannot be swapped under
    /// them, so the reload happens as soon as they are done, and no further batch is started meanwhile; the task
    /// completes then, and fails with the database's error if the reload failed.
    /// </summary>
    public async Task RefreshAsync()
    {
        if (_answering)
        {
            _refreshAfterWrite ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            await _refreshAfterWrite.Task;
        }
        else
        {
            // A refresh already reading the database answers this one too: two reloads at once would both re-decide the queue.
            await (_idleReload is { IsCompleted: false } ? _idleReload : _idleReload = ReloadAsync([]));
        }
        if (_unloaded is { } failure) ExceptionDispatchInfo.Throw(failure);
    }

    private void Decide(PendingCommand command)
    {
        if (!command.Decide(Pool))
        {
            // While a refresh waits, the committed pool itself may be behind the database.
            if (command.RestsOnCommitted && _refreshAfterWrite is null) command.Complete();
            else AnswerWhenCommitted(command);
            return;
        }
        if (_inFlight.Count > 0 && _inFlight[^1].Batch.TryAdd(command, Pool)) return;
        // A waiting refresh needs the writes to run dry; the decision waits for it in the open list.
        if (_refreshAfterWrite is not null) _open.Add(command);
        else StartBatch(command);
    }

    /// <summary>
    /// Answers a decision that changed nothing once every decision made before it is committed: the newest batch in
    /// flight, or the decisions waiting for a refresh, which it joins to be decided again with them.
    /// </summary>
    private void AnswerWhenCommitted(PendingCommand command)
    {
        if (_open.Count > 0) _open.Add(command);
        else if (_inFlight.Count > 0) _inFlight[^1].Unchanged.Add(command);
        else command.Complete();
    }

    /// <summary>Hands a new batch to the writer; the newest batch in flight, if any, is sealed, and the new one follows it.</summary>
    private void StartBatch(PendingCommand command)
    {
        Task? after = null;
        if (_inFlight.Count > 0)
        {
            var previous = _inFlight[^1];
            after = previous.Written;
            Pool.Version = previous.Batch.Seal().NewVersion;
        }
        var batch = new PendingBatch([command], Pool, after);
        Task written;
        try
        {
            written = write(batch);
        }
        catch (Exception exception)
        {
            written = Task.FromException(exception);
        }
        _inFlight.Add(new InFlightBatch(batch, written));
        if (!_answering) _ = AnswerWritesAsync();
    }

    /// <summary>Answers the batches in flight in the order they were written, until none is left.</summary>
    private async Task AnswerWritesAsync()
    {
        _answering = true;
        var conflicts = 0;
        while (_inFlight.Count > 0)
        {
            var (batch, written, unchanged) = _inFlight[0];
            try
            {
                await written;
                var rows = batch.Seal(); // already sealed by the writer; this returns what it wrote
                _inFlight.RemoveAt(0);
                if (_inFlight.Count == 0) Pool.Version = rows.NewVersion;
                conflicts = 0;
                Committed.Apply(rows);
                committed?.Invoke(rows);
                foreach (var command in batch.Commands) command.Complete();
                foreach (var command in unchanged) command.Complete();
            }
            catch (Exception exception)
            {
                // The batches behind it were decided on top of it: the writer drops them unwritten, and they are decided
                // again, as are the answers that rested on any of them.
                var behind = unchanged.Concat(_inFlight.Skip(1).SelectMany(w => w.Batch.Commands.Concat(w.Unchanged))).ToList();
                _inFlight.Clear();
                var retry = exception is InconsistentStateException && ++conflicts < MaxConflictRetries;
                // Told at once, not after the reload (a stalled database would double the wait): reads answer from the
                // committed pool, which never held the failed decisions, and their next command waits for the reload.
                if (!retry) foreach (var command in batch.Commands) command.Fail(exception);
                await ReloadAsync(retry ? [.. batch.Commands, .. behind] : behind);
            }
            if (_inFlight.Count == 0 && _refreshAfterWrite is { } refresh)
            {
                _refreshAfterWrite = null;
                await ReloadAsync([]);
                refresh.TrySetResult();
            }
        }
        _answering = false;
        // The last reload failed (the loop ended with nothing in flight): a waiting refresh learns it from _unloaded.
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
            Committed = Pool.Copy();
            _unloaded = null;
        }
        catch (Exception exception)
        {
            // Without a trustworthy state the pool decides nothing; reads still answer from the committed pool, and the
            // next command tries the reload again (at once refused while the storage circuit is open).
            _unloaded = exception;
            foreach (var command in _waitingForReload) command.Fail(exception);
            _waitingForReload = null;
            return;
        }
        var again = _waitingForReload;
        _waitingForReload = null;
        foreach (var command in again) Decide(command);
    }

    /// <summary>A batch handed to the writer, its write, and the answers that changed nothing but wait for it.</summary>
    private sealed record InFlightBatch(PendingBatch Batch, Task Written)
    {
        public List<PendingCommand> Unchanged { get; } = [];

        public void Deconstruct(out PendingBatch batch, out Task written, out List<PendingCommand> unchanged) =>
            (batch, written, unchanged) = (Batch, Written, Unchanged);
    }
}
