using Hospital.Grains.SlotPools;
using Hospital.TestSupport.Hospital;
using Microsoft.Extensions.DependencyInjection;

namespace Hospital.Grains.Tests.SlotPools;

/// <summary>Fault injection around the real store: once armed, every commit of one session fails before reaching the database.</summary>
internal sealed class FailingSlotPoolStore(ISlotPoolStore inner, string failCommitsOf) : DelegatingSlotPoolStore(inner)
{
    private volatile bool _armed;

    public static void Arm(HospitalTestCluster host) => ((FailingSlotPoolStore)host.Services.GetRequiredService<ISlotPoolStore>())._armed = true;

    public override Task CommitAsync(PendingBatch batch, CancellationToken cancellationToken = default) =>
        _armed && batch.SessionId == failCommitsOf ? throw new InjectedStorageFailure() : Inner.CommitAsync(batch, cancellationToken);
}

internal sealed class InjectedStorageFailure() : Exception("Injected storage failure.");
