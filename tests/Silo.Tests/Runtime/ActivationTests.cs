using Hospital.Grains.Abstractions.Runtime;
using Hospital.Silo.Tests.Runtime.Grains;

namespace Hospital.Silo.Tests.Runtime;

public sealed class ActivationTests
{
    [Fact]
    public async Task ColdKey_CalledBy64ThreadsAtOnce_GetsExactlyOneActivation()
    {
        await using var host = await RuntimeHost.StartAsync();
        var key = RuntimeHost.NewKey();
        var calls = new Task<int>[64];
        using var start = new Barrier(calls.Length);
        var threads = Enumerable.Range(0, calls.Length).Select(caller => new Thread(() =>
        {
            var grain = host.Grains.GetGrain<IProbeGrain>(key);
            start.SignalAndWait();
            calls[caller] = grain.RecordAsync(caller, 0, yieldInside: false);
        })).ToList();
        threads.ForEach(thread => thread.Start());
        threads.ForEach(thread => thread.Join());

        var totals = await Task.WhenAll(calls).WaitAsync(RuntimeHost.Patience);

        Assert.Equal(Enumerable.Range(1, 64), totals.Order());
        Assert.Equal(1, ProbeStats.For(key).Constructions);
        Assert.Equal(1, ProbeStats.For(key).Activations);
    }

    [Fact]
    public async Task GrainMethods_ReturningTaskTaskOfTValueTaskAndValueTaskOfT_AllComplete()
    {
        await using var host = await RuntimeHost.StartAsync();
        var grain = host.Grains.GetGrain<IProbeGrain>(RuntimeHost.NewKey());

        await grain.DeactivateAsync().WaitAsync(RuntimeHost.Patience);
        Assert.Equal(1, await grain.RecordAsync(0, 0, yieldInside: true).WaitAsync(RuntimeHost.Patience));
        await grain.TouchAsync().AsTask().WaitAsync(RuntimeHost.Patience);
        Assert.Equal(1, await grain.GetTotalAsync().AsTask().WaitAsync(RuntimeHost.Patience));
    }

    [Fact]
    public async Task ActivationParticipant_RunsBeforeGrainOnActivate_AndKnowsItsKey()
    {
        await using var host = await RuntimeHost.StartAsync();
        var key = RuntimeHost.NewKey();

        var steps = await host.Grains.GetGrain<IParticipantGrain>(key).GetActivationStepsAsync().WaitAsync(RuntimeHost.Patience);

        Assert.Equal([$"participant loaded {key}", "grain activated"], steps);
    }

    [Fact]
    public async Task FailedActivation_FailsItsCalls_AndTheNextCallActivatesAgain()
    {
        await using var host = await RuntimeHost.StartAsync();
        var grain = host.Grains.GetGrain<IFailingActivationGrain>(RuntimeHost.NewKey());

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => grain.GetActivationNumberAsync().WaitAsync(RuntimeHost.Patience));

        Assert.Equal("first activation fails", error.Message);
        Assert.Equal(2, await grain.GetActivationNumberAsync().WaitAsync(RuntimeHost.Patience));
    }

    [Fact]
    public async Task ActivationLongerThanTheActivationTimeout_FailsWithTimeout()
    {
        await using var host = await RuntimeHost.StartAsync(new() { ["Silo:Runtime:CallTimeout"] = "00:10:00" });
        var key = "hang" + RuntimeHost.NewKey();
        var call = host.Grains.GetGrain<IFailingActivationGrain>(key).GetActivationNumberAsync();
        await WaitUntilAsync(() => ProbeStats.For(key).Activations == 1);

        host.Clock.Advance(TimeSpan.FromSeconds(31));

        await Assert.ThrowsAsync<TimeoutException>(() => call.WaitAsync(RuntimeHost.Patience));
        TestGates.Open(key);
    }

    [Fact]
    public async Task GetGrain_ForAnUnregisteredInterface_Throws()
    {
        await using var host = await RuntimeHost.StartAsync();

        Assert.Throws<InvalidOperationException>(() => host.Grains.GetGrain<IUnregisteredGrain>("x"));
    }

    public interface IUnregisteredGrain : IGrainWithStringKey
    {
        Task PingAsync();
    }

    internal static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var patience = new CancellationTokenSource(RuntimeHost.Patience);
        while (!condition()) await Task.Delay(1, patience.Token);
    }
}
