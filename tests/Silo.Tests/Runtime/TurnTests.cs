using Hospital.Silo.Tests.Runtime.Grains;

namespace Hospital.Silo.Tests.Runtime;

public sealed class TurnTests
{
    private const int Callers = 64;
    private const int CallsPerCaller = 1_000;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task NonReentrantGrain_Under64Callers_NeverRunsTwoPiecesAtOnce_AndKeepsEachCallersOrder(bool yieldInside)
    {
        await using var host = await RuntimeHost.StartAsync();
        var grain = host.Grains.GetGrain<IProbeGrain>(RuntimeHost.NewKey());

        await HammerAsync(caller => sequence => grain.RecordAsync(caller, sequence, yieldInside));
        var report = await grain.GetReportAsync().WaitAsync(RuntimeHost.Patience);

        Assert.Equal(0, report.Overlaps);
        Assert.Equal(1, report.MaxCallsInFlight);
        Assert.Equal(Callers * CallsPerCaller, report.Total);
        AssertEachCallerInOrder(report);
    }

    [Fact]
    public async Task ReentrantGrain_Under64Callers_InterleavesCallsButNeverRunsTwoPiecesAtOnce()
    {
        await using var host = await RuntimeHost.StartAsync();
        var grain = host.Grains.GetGrain<IReentrantProbeGrain>(RuntimeHost.NewKey());

        await HammerAsync(caller => sequence => grain.RecordAsync(caller, sequence, yieldInside: true));
        var report = await grain.GetReportAsync().WaitAsync(RuntimeHost.Patience);

        Assert.Equal(0, report.Overlaps);
        Assert.True(report.MaxCallsInFlight > 1, "calls should interleave at the await");
        Assert.Equal(Callers * CallsPerCaller, report.Total);
        AssertEachCallerInOrder(report);
    }

    [Fact]
    public async Task NonReentrantGrain_StartsTheNextCallOnlyAfterThePreviousCallsAwaitsComplete()
    {
        await using var host = await RuntimeHost.StartAsync();
        var key = RuntimeHost.NewKey();
        var grain = host.Grains.GetGrain<IProbeGrain>(key);
        var first = grain.HoldAsync(key + "first", "first");
        var second = grain.HoldAsync(key + "second", "second");
        TestGates.Open(key + "second");
        await ActivationTests.WaitUntilAsync(() => host.ActivationOf<IProbeGrain>(key).QueuedCount == 1);

        TestGates.Open(key + "first");
        await Task.WhenAll(first, second).WaitAsync(RuntimeHost.Patience);

        var report = await grain.GetReportAsync().WaitAsync(RuntimeHost.Patience);
        Assert.Equal(["first:start", "first:end", "second:start", "second:end"], report.Events);
    }

    [Fact]
    public async Task ReentrantGrain_RunsAnotherCallWhileTheFirstAwaits()
    {
        await using var host = await RuntimeHost.StartAsync();
        var key = RuntimeHost.NewKey();
        var grain = host.Grains.GetGrain<IReentrantProbeGrain>(key);
        var first = grain.HoldAsync(key + "first", "first");
        TestGates.Open(key + "second");

        await grain.HoldAsync(key + "second", "second").WaitAsync(RuntimeHost.Patience);
        TestGates.Open(key + "first");
        await first.WaitAsync(RuntimeHost.Patience);

        var report = await grain.GetReportAsync().WaitAsync(RuntimeHost.Patience);
        Assert.Equal(["first:start", "second:start", "second:end", "first:end"], report.Events);
    }

    [Fact]
    public async Task CallersCallingBackToBack_AreNeverLeftWaiting()
    {
        // Each call arrives just as the pump runs dry: the window in which a wake-up can be lost.
        await using var host = await RuntimeHost.StartAsync();
        var grains = Enumerable.Range(0, 4).Select(_ => host.Grains.GetGrain<IProbeGrain>(RuntimeHost.NewKey())).ToList();

        var callers = grains.Select(grain => Task.Run(async () =>
        {
            for (var sequence = 0; sequence < 20_000; sequence++) await grain.TouchAsync();
        }));

        await Task.WhenAll(callers).WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task CodeAfterAnAwait_RunsOnTheActivationsScheduler()
    {
        await using var host = await RuntimeHost.StartAsync();
        var grain = host.Grains.GetGrain<IProbeGrain>(RuntimeHost.NewKey());

        Assert.True(await grain.AwaitsReturnToActivationAsync().WaitAsync(RuntimeHost.Patience));
    }

    private static async Task HammerAsync(Func<int, Func<int, Task<int>>> call)
    {
        var callers = Enumerable.Range(0, Callers).Select(caller => Task.Run(async () =>
        {
            var callOf = call(caller);
            for (var sequence = 0; sequence < CallsPerCaller; sequence++) await callOf(sequence);
        }));
        await Task.WhenAll(callers).WaitAsync(TimeSpan.FromSeconds(30));
    }

    private static void AssertEachCallerInOrder(ProbeReport report)
    {
        Assert.Equal(Callers, report.SequencesByCaller.Count);
        foreach (var sequences in report.SequencesByCaller.Values) Assert.Equal(Enumerable.Range(0, CallsPerCaller), sequences);
    }
}
