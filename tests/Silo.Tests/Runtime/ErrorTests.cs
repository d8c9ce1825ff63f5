using Hospital.Grains.Abstractions.Errors;
using Hospital.Grains.Abstractions.Runtime;
using Hospital.Grains.Abstractions.Storage;
using Hospital.Silo.Tests.Runtime.Grains;

namespace Hospital.Silo.Tests.Runtime;

public sealed class ErrorTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ExceptionFromGrainCode_ReachesTheCallerUnchanged_AndTheActivationKeepsServing(bool afterAwait)
    {
        await using var host = await RuntimeHost.StartAsync();
        var grain = host.Grains.GetGrain<IProbeGrain>(RuntimeHost.NewKey());
        var activationId = await grain.GetActivationIdAsync().WaitAsync(RuntimeHost.Patience);
        var thrown = new RuleConflictException("slot.sold_out", "sold out");

        var caught = await Assert.ThrowsAsync<RuleConflictException>(() => grain.ThrowAsync(thrown, afterAwait).WaitAsync(RuntimeHost.Patience));

        Assert.Same(thrown, caught);
        Assert.Equal(activationId, await grain.GetActivationIdAsync().WaitAsync(RuntimeHost.Patience));
    }

    [Fact]
    public async Task InconsistentState_ReachesTheCallerUnchanged_AndTheNextCallGetsAFreshActivation()
    {
        await using var host = await RuntimeHost.StartAsync();
        var key = RuntimeHost.NewKey();
        var grain = host.Grains.GetGrain<IProbeGrain>(key);
        var activationId = await grain.GetActivationIdAsync().WaitAsync(RuntimeHost.Patience);
        var thrown = new InconsistentStateException("version moved", "7", "6");

        var caught = await Assert.ThrowsAsync<InconsistentStateException>(() => grain.ThrowAsync(thrown, afterAwait: true).WaitAsync(RuntimeHost.Patience));

        Assert.Same(thrown, caught);
        Assert.NotEqual(activationId, await grain.GetActivationIdAsync().WaitAsync(RuntimeHost.Patience));
        Assert.Equal([DeactivationReason.InconsistentState], ProbeStats.For(key).Deactivations);
    }
}
