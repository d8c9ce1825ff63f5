using Hospital.Grains.SlotPools;
using Hospital.TestSupport.Hospital;

namespace Hospital.Api.Tests.Hospital;

/// <summary>
/// The real store behind a slow database: every commit reaches it only after <paramref name="delay"/>. An answer given
/// before its write commits then reaches the client while the database still shows the state before it.
/// </summary>
internal sealed class SlowCommitSlotPoolStore(ISlotPoolStore inner, TimeSpan delay) : DelegatingSlotPoolStore(inner)
{
    public override async Task CommitAsync(PendingBatch batch, CancellationToken cancellationToken = default)
    {
        await Task.Delay(delay, cancellationToken);
        await Inner.CommitAsync(batch, cancellationToken);
    }
}
