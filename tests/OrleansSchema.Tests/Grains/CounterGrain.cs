using Hospital.OrleansSchema.Tests.Cluster;
using Orleans.Placement;
using Orleans.Runtime;

namespace Hospital.OrleansSchema.Tests.Grains;

/// <summary>
/// Placed on the silo whose client makes the first call, so a test decides where an activation lives and can then
/// reach it from the other silo.
/// </summary>
[PreferLocalPlacement]
public sealed class CounterGrain(
    [PersistentState("counter", OrleansSilo.StorageName)] IPersistentState<CounterState> state,
    ILocalSiloDetails silo) : Grain, ICounterGrain
{
    public async Task<int> AddAsync(int amount)
    {
        state.State.Value += amount;
        await state.WriteStateAsync();
        return state.State.Value;
    }

    public Task<int> GetAsync() => Task.FromResult(state.State.Value);

    public Task DeactivateAsync()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    public Task<string> GetSiloAsync() => Task.FromResult(silo.SiloAddress.ToParsableString());
}
