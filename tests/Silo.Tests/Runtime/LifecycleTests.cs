using Hospital.Grains.Abstractions.Runtime;
using Hospital.Silo.Runtime.Catalog;
using Hospital.Silo.Tests.Runtime.Grains;
using Microsoft.Extensions.DependencyInjection;

namespace Hospital.Silo.Tests.Runtime;

public sealed class LifecycleTests
{
    [Fact]
    public async Task IdleActivation_IsCollectedOnceOlderThanTheIdleAge()
    {
        await using var host = await RuntimeHost.StartAsync();
        var key = RuntimeHost.NewKey();
        await host.Grains.GetGrain<IProbeGrain>(key).TouchAsync().AsTask().WaitAsync(RuntimeHost.Patience);
        var activation = host.ActivationOf<IProbeGrain>(key);

        host.Clock.Advance(TimeSpan.FromMinutes(14));
        Assert.Equal(ActivationState.Valid, activation.State);
        host.Clock.Advance(TimeSpan.FromMinutes(2));
        await activation.Deactivated.WaitAsync(RuntimeHost.Patience);

        Assert.Equal([DeactivationReason.IdleCollection], ProbeStats.For(key).Deactivations);
        Assert.Null(host.Catalog.Find(new GrainId(typeof(IProbeGrain), key)));
    }

    [Fact]
    public async Task ActivationCalledWithinTheIdleAge_IsNotCollected()
    {
        await using var host = await RuntimeHost.StartAsync();
        var grain = host.Grains.GetGrain<IProbeGrain>(RuntimeHost.NewKey());
        var activationId = await grain.GetActivationIdAsync().WaitAsync(RuntimeHost.Patience);

        for (var minute = 0; minute < 30; minute += 10)
        {
            host.Clock.Advance(TimeSpan.FromMinutes(10));
            Assert.Equal(activationId, await grain.GetActivationIdAsync().WaitAsync(RuntimeHost.Patience));
        }
    }

    [Fact]
    public async Task DeactivateOnIdle_RunsOnDeactivate_AndTheNextCallGetsAFreshActivation()
    {
        await using var host = await RuntimeHost.StartAsync();
        var key = RuntimeHost.NewKey();
        var grain = host.Grains.GetGrain<IProbeGrain>(key);
        var firstId = await grain.GetActivationIdAsync().WaitAsync(RuntimeHost.Patience);

        await grain.DeactivateAsync().WaitAsync(RuntimeHost.Patience);
        var secondId = await grain.GetActivationIdAsync().WaitAsync(RuntimeHost.Patience);

        Assert.NotEqual(firstId, secondId);
        Assert.Equal([DeactivationReason.ApplicationRequested], ProbeStats.For(key).Deactivations);
        Assert.Equal(2, ProbeStats.For(key).Activations);
    }

    [Fact]
    public async Task CallsArrivingWhileActivationsDeactivate_AreAllServed_NoneLostOrFailed()
    {
        const int callers = 32;
        const int callsPerCaller = 500;
        await using var host = await RuntimeHost.StartAsync();
        var key = RuntimeHost.NewKey();
        var grain = host.Grains.GetGrain<IProbeGrain>(key);
        using var stop = new CancellationTokenSource();
        var deactivator = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested) await grain.DeactivateAsync();
        });

        var hammering = Enumerable.Range(0, callers).Select(caller => Task.Run(async () =>
        {
            for (var sequence = 0; sequence < callsPerCaller; sequence++) await grain.RecordAsync(caller, sequence, yieldInside: true);
        }));
        await Task.WhenAll(hammering).WaitAsync(TimeSpan.FromSeconds(30));
        stop.Cancel();
        await deactivator.WaitAsync(RuntimeHost.Patience);

        var stats = ProbeStats.For(key);
        Assert.Equal(callers * callsPerCaller, stats.CallsExecuted);
        Assert.True(stats.Deactivations.Count > 10, $"only {stats.Deactivations.Count} deactivations happened");
        Assert.Equal(stats.Activations, stats.Constructions);
    }

    [Fact]
    public async Task OnDeactivateLongerThanTheDeactivationTimeout_IsAbandoned_AndTheKeyActivatesAgain()
    {
        await using var host = await RuntimeHost.StartAsync();
        var key = "stuck" + RuntimeHost.NewKey();
        var grain = host.Grains.GetGrain<IProbeGrain>(key);
        var firstId = await grain.GetActivationIdAsync().WaitAsync(RuntimeHost.Patience);
        var activation = host.ActivationOf<IProbeGrain>(key);
        await grain.DeactivateAsync().WaitAsync(RuntimeHost.Patience);
        await ActivationTests.WaitUntilAsync(() => !ProbeStats.For(key).Deactivations.IsEmpty);

        host.Clock.Advance(TimeSpan.FromSeconds(31));

        await activation.Deactivated.WaitAsync(RuntimeHost.Patience);
        Assert.Contains(host.Logs.Entries, entry => entry.EventId == 1003 && entry.Message.Contains(key));
        Assert.NotEqual(firstId, await grain.GetActivationIdAsync().WaitAsync(RuntimeHost.Patience));
        TestGates.Open(key);
    }

    [Fact]
    public async Task GrainContextAndLifecycle_OutsideAnActivationScope_AreRefused()
    {
        await using var host = await RuntimeHost.StartAsync();
        await using var scope = host.Services.CreateAsyncScope();

        Assert.Throws<InvalidOperationException>(() => scope.ServiceProvider.GetRequiredService<IGrainContext>());
        var lifecycle = scope.ServiceProvider.GetRequiredService<IActivationLifecycle>();
        Assert.Throws<InvalidOperationException>(() => lifecycle.Subscribe(new NoOpParticipant()));
    }

    private sealed class NoOpParticipant : IActivationParticipant
    {
        public Task OnActivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    [Fact]
    public async Task Shutdown_DeactivatesEveryActivation()
    {
        var host = await RuntimeHost.StartAsync();
        var keys = Enumerable.Range(0, 10).Select(_ => RuntimeHost.NewKey()).ToList();
        await Task.WhenAll(keys.Select(key => host.Grains.GetGrain<IProbeGrain>(key).TouchAsync().AsTask())).WaitAsync(RuntimeHost.Patience);

        await host.DisposeAsync();

        Assert.All(keys, key => Assert.Equal([DeactivationReason.ShuttingDown], ProbeStats.For(key).Deactivations));
    }
}
