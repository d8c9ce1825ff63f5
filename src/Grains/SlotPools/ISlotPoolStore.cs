namespace Hospital.Grains.SlotPools;

/// <summary>Durable storage of slot pools: the session row, its appointments and their audit trail.</summary>
public interface ISlotPoolStore
{
    /// <summary>Loads a session's pool with all its appointments, or null when the session does not exist.</summary>
    Task<SlotPool?> LoadAsync(string sessionId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Seals the batch (<see cref="PendingBatch.Seal"/>) as its transaction starts, and writes it in that transaction if
    /// the session row is still at <see cref="PoolBatch.ExpectedVersion"/>; otherwise throws <c>InconsistentStateException</c>
    /// and writes nothing. Until sealed, the pool may still add decisions to the batch. A batch that follows another
    /// (<see cref="PendingBatch.After"/>) is written only after that one committed, and never if it failed.
    /// </summary>
    Task CommitAsync(PendingBatch batch, CancellationToken cancellationToken = default);

    /// <summary>Loads the pools of every session visited between the two dates (with their live appointments only), to fill calendars at start-up.</summary>
    Task<IReadOnlyList<SlotPool>> LoadPoolsAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken = default);

    /// <summary>Sessions that have holds expiring at or before <paramref name="dueBy"/>, to recover expiries after a restart or collection.</summary>
    Task<IReadOnlyList<string>> FindSessionsWithHoldsDueAsync(DateTimeOffset dueBy, CancellationToken cancellationToken = default);
}
