namespace Hospital.Grains.SlotPools;

/// <summary>
/// A pool's batch on its way to the database. It stays open while it waits for the node's writer: decisions the pool
/// makes meanwhile still join it, so they ride the next transaction instead of the one after. The writer seals it
/// (<see cref="Seal"/>) when that transaction starts. Decisions are added on the pool's turns and the writer seals from
/// its own thread, hence the lock. A batch started while the pool's previous one is still being written follows it
/// (<see cref="After"/>): its decisions were made on top of that batch's, so it may be written only once that one has
/// committed, and never if it failed.
/// </summary>
public sealed class PendingBatch
{
    private readonly Lock _gate = new();
    private readonly List<PendingCommand> _commands;
    private PoolRowState _row;
    private PoolBatch? _sealed;

    internal PendingBatch(List<PendingCommand> commands, SlotPool pool, Task? after)
    {
        _commands = commands;
        _row = PoolRowState.Of(pool);
        After = after;
    }

    public string SessionId => _row.SessionId;

    /// <summary>The write of the pool's previous batch when it was still in flight as this one started, else null.</summary>
    public Task? After { get; }

    /// <summary>
    /// The decisions in the batch, in the order they were made. Only the pool's turns add to it (under the lock, while the
    /// writer may be sealing) and read it, so a read needs no lock.
    /// </summary>
    internal IReadOnlyList<PendingCommand> Commands => _commands;

    /// <summary>Closes the batch to further decisions and returns its rows; every call returns the same batch.</summary>
    public PoolBatch Seal()
    {
        lock (_gate) return _sealed ??= PoolBatch.Seal(_row, _commands.Select(c => c.Changes!));
    }

    /// <summary>Adds a decision just made on <paramref name="pool"/>; false once sealed, and the decision waits for the next batch.</summary>
    internal bool TryAdd(PendingCommand command, SlotPool pool)
    {
        lock (_gate)
        {
            if (_sealed is not null) return false;
            _commands.Add(command);
            _row = PoolRowState.Of(pool);
            return true;
        }
    }
}
