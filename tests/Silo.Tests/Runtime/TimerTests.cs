using Hospital.Silo.Tests.Runtime.Grains;

namespace Hospital.Silo.Tests.Runtime;

public sealed class TimerTests
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task TimerTicks_RunAsTurns_NeverInParallelWithCalls()
    {
        // The clock races ahead here, by a day in a fraction of a second on a fast machine; the call timeout is
        // switched off so the calls cannot time out on it.
        await using var host = await RuntimeHost.StartAsync(new() { ["Silo:Runtime:CallTimeout"] = "-00:00:00.001" });
        var key = RuntimeHost.NewKey();
        var grain = host.Grains.GetGrain<IReentrantProbeGrain>(key);
        await grain.StartTimerAsync(Period, gate: null).WaitAsync(RuntimeHost.Patience);
        using var stop = new CancellationTokenSource();
        var ticking = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                host.Clock.Advance(Period);
                await Task.Yield();
            }
        });

        var callers = Enumerable.Range(0, 16).Select(caller => Task.Run(async () =>
        {
            for (var sequence = 0; sequence < 500; sequence++) await grain.RecordAsync(caller, sequence, yieldInside: true);
        }));
        await Task.WhenAll(callers).WaitAsync(TimeSpan.FromSeconds(30));
        await ActivationTests.WaitUntilAsync(() => ProbeStats.For(key).TimerTicks > 10);
        stop.Cancel();
        await ticking.WaitAsync(RuntimeHost.Patience);

        var report = await grain.GetReportAsync().WaitAsync(RuntimeHost.Patience);
        Assert.Equal(0, report.Overlaps);
        Assert.Equal(16 * 500, report.Total);
    }

    [Fact]
    public async Task NextTick_IsScheduledOnlyAfterThePreviousTickCompletes()
    {
        await using var host = await RuntimeHost.StartAsync();
        var key = RuntimeHost.NewKey();
        var grain = host.Grains.GetGrain<IReentrantProbeGrain>(key);
        await grain.StartTimerAsync(Period, gate: key).WaitAsync(RuntimeHost.Patience);

        host.Clock.Advance(Period);
        await ActivationTests.WaitUntilAsync(() => ProbeStats.For(key).TimerTicks == 1);
        for (var i = 0; i < 5; i++) host.Clock.Advance(Period);
        await grain.TouchAsync().AsTask().WaitAsync(RuntimeHost.Patience);
        Assert.Equal(1, ProbeStats.For(key).TimerTicks);

        TestGates.Open(key);
        // The next tick is armed when the first completes, one period later on the clock.
        await ActivationTests.WaitUntilAsync(() =>
        {
            host.Clock.Advance(Period);
            return ProbeStats.For(key).TimerTicks >= 2;
        });
    }

    [Fact]
    public async Task TickOfANonReentrantGrain_WaitsForTheRunningCallToComplete()
    {
        await using var host = await RuntimeHost.StartAsync();
        var key = RuntimeHost.NewKey();
        var grain = host.Grains.GetGrain<IProbeGrain>(key);
        await grain.StartTimerAsync(Period, gate: null).WaitAsync(RuntimeHost.Patience);
        var holding = grain.HoldAsync(key, "call");
        await ActivationTests.WaitUntilAsync(() => host.ActivationOf<IProbeGrain>(key).QueuedCount == 0);

        host.Clock.Advance(Period);
        await ActivationTests.WaitUntilAsync(() => host.ActivationOf<IProbeGrain>(key).QueuedCount == 1);
        Assert.Equal(0, ProbeStats.For(key).TimerTicks);

        TestGates.Open(key);
        await holding.WaitAsync(RuntimeHost.Patience);
        await ActivationTests.WaitUntilAsync(() => ProbeStats.For(key).TimerTicks == 1);
    }

    [Fact]
    public async Task DisposedTimer_TicksNoMore()
    {
        await using var host = await RuntimeHost.StartAsync();
        var key = RuntimeHost.NewKey();
        var grain = host.Grains.GetGrain<IProbeGrain>(key);
        await grain.StartTimerAsync(Period, gate: null).WaitAsync(RuntimeHost.Patience);
        host.Clock.Advance(Period);
        await ActivationTests.WaitUntilAsync(() => ProbeStats.For(key).TimerTicks == 1);

        await grain.StopTimerAsync().WaitAsync(RuntimeHost.Patience);
        host.Clock.Advance(Period * 5);
        await grain.TouchAsync().AsTask().WaitAsync(RuntimeHost.Patience);

        Assert.Equal(1, ProbeStats.For(key).TimerTicks);
    }

    [Fact]
    public async Task DeactivatedActivation_ItsTimersTickNoMore()
    {
        await using var host = await RuntimeHost.StartAsync();
        var key = RuntimeHost.NewKey();
        var grain = host.Grains.GetGrain<IProbeGrain>(key);
        await grain.StartTimerAsync(Period, gate: null).WaitAsync(RuntimeHost.Patience);
        var activation = host.ActivationOf<IProbeGrain>(key);

        await grain.DeactivateAsync().WaitAsync(RuntimeHost.Patience);
        await activation.Deactivated.WaitAsync(RuntimeHost.Patience);
        host.Clock.Advance(Period * 5);
        await grain.TouchAsync().AsTask().WaitAsync(RuntimeHost.Patience);

        Assert.Equal(0, ProbeStats.For(key).TimerTicks);
    }
}
