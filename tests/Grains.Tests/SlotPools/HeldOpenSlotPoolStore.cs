using Hospital.Grains.SlotPools;
using Hospital.TestSupport.Hospital;
using Microsoft.Extensions.DependencyInjection;

namespace Hospital.Grains.Tests.SlotPools;

/// <summary>
/// The real store, except that once armed, the next commit of one session is held open, as a stalled database holds
/// it, until the test lets it commit or fail. Batches that follow the held one wait for its outcome before reaching
/// the real store, which then writes them or drops them as it would behind any other write.
/// </summary>
internal sealed class HeldOpenSlotPoolStore(ISlotPoolStore inner, string sessionId) : DelegatingSlotPoolStore(inner)
{
    private readonly TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<bool> _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _armed;

    public static HeldOpenSlotPoolStore Of(HospitalTestCluster host) => (HeldOpenSlotPoolStore)host.Services.GetRequiredService<ISlotPoolStore>();

    /// <summary>Holds the session's next commit open.</summary>
    public void Arm() => Interlocked.Exchange(ref _armed, 1);

    /// <summary>Completes when the held commit has reached the store, and is waiting there.</summary>
    public Task Held => _arrived.Task;

    public void Commit() => _outcome.SetResult(true);

    public void Fail() => _outcome.SetResult(false);

    public override async Task CommitAsync(PendingBatch batch, CancellationToken cancellationToken = default)
    {
        if (batch.SessionId == sessionId && Interlocked.Exchange(ref _armed, 0) == 1)
        {
            batch.Seal(); // as the real writer does when its transaction begins: later decisions start the next batch
            _arrived.SetResult();
            if (!await _outcome.Task) throw new InjectedStorageFailure();
        }
        else if (batch.After is { } after)
        {
            await after.ContinueWith(_ => { }, TaskScheduler.Default);
        }
        await Inner.CommitAsync(batch, cancellationToken);
    }
}
