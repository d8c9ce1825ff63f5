using Hospital.Grains.SlotPools;
using Hospital.TestSupport.Hospital;
using Microsoft.Extensions.DependencyInjection;

namespace Hospital.Grains.Tests.SlotPools;

/// <summary>Fault injection around the real store: once armed, every commit of one session fails before reaching the database.</summary>
internal sealed class FailingSlotPoolStore(ISlotPoolStore inner, string failCommitsOf) : ISlotPoolStore
{
    private volatile bool _armed;

    public static void Arm(HospitalTestHost host) => ((FailingSlotPoolStore)host.Services.GetRequiredService<ISlotPoolStore>())._armed = true;

    public Task CommitAsync(PendingBatch batch, CancellationToken cancellationToken = default) =>
        _armed && batch.SessionId == failCommitsOf ? throw new InjectedStorageFailure() : inner.CommitAsync(batch, cancellationToken);

    public Task<SlotPool?> LoadAsync(string sessionId, CancellationToken cancellationToken = default) => inner.LoadAsync(sessionId, cancellationToken);

    public Task<IReadOnlyList<SlotPool>> LoadPoolsAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken = default) =>
        inner.LoadPoolsAsync(from, to, cancellationToken);

    public Task<IReadOnlyList<string>> FindSessionsWithHoldsDueAsync(DateTimeOffset dueBy, CancellationToken cancellationToken = default) =>
        inner.FindSessionsWithHoldsDueAsync(dueBy, cancellationToken);
}

internal sealed class InjectedStorageFailure() : Exception("Injected storage failure.");
