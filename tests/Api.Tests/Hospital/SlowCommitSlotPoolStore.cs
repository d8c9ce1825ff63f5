using Hospital.Grains.SlotPools;

namespace Hospital.Api.Tests.Hospital;

/// <summary>
/// The real store behind a slow database: every commit reaches it only after <paramref name="delay"/>. An answer given
/// before its write commits then reaches the client while the database still shows the state before it.
/// </summary>
internal sealed class SlowCommitSlotPoolStore(ISlotPoolStore inner, TimeSpan delay) : ISlotPoolStore
{
    public async Task CommitAsync(PendingBatch batch, CancellationToken cancellationToken = default)
    {
        await Task.Delay(delay, cancellationToken);
        await inner.CommitAsync(batch, cancellationToken);
    }

    public Task<SlotPool?> LoadAsync(string sessionId, CancellationToken cancellationToken = default) => inner.LoadAsync(sessionId, cancellationToken);

    public Task<IReadOnlyList<SlotPool>> LoadPoolsAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken = default) =>
        inner.LoadPoolsAsync(from, to, cancellationToken);

    public Task<IReadOnlyList<string>> FindSessionsWithHoldsDueAsync(DateTimeOffset dueBy, CancellationToken cancellationToken = default) =>
        inner.FindSessionsWithHoldsDueAsync(dueBy, cancellationToken);
}
