using Hospital.Grains.SlotPools;

namespace Hospital.TestSupport.Hospital;

/// <summary>The real store behind a fault of a test's choosing: only the commit is intercepted, everything else passes through.</summary>
public abstract class DelegatingSlotPoolStore(ISlotPoolStore inner) : ISlotPoolStore
{
    protected ISlotPoolStore Inner => inner;

    public abstract Task CommitAsync(PendingBatch batch, CancellationToken cancellationToken = default);

    public Task<SlotPool?> LoadAsync(string sessionId, CancellationToken cancellationToken = default) => inner.LoadAsync(sessionId, cancellationToken);

    public Task<IReadOnlyList<SlotPool>> LoadPoolsAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken = default) =>
        inner.LoadPoolsAsync(from, to, cancellationToken);

    public Task<IReadOnlyList<string>> FindSessionsWithHoldsDueAsync(DateTimeOffset dueBy, CancellationToken cancellationToken = default) =>
        inner.FindSessionsWithHoldsDueAsync(dueBy, cancellationToken);
}
