using Hospital.Grains.Abstractions.Runtime;
using Hospital.Silo.Tests.Runtime.Grains;
using Microsoft.Extensions.Logging;

namespace Hospital.Silo.Tests.Runtime;

public sealed class MailboxTests
{
    [Fact]
    public async Task CallPastTheMailboxBound_FailsAtOnceWithOverload_AndQueuedCallsStillRun()
    {
        await using var host = await RuntimeHost.StartAsync(new()
        {
            ["Silo:Runtime:MailboxCapacity"] = "4",
            ["Silo:Runtime:OverloadRetryAfter"] = "00:00:02",
        });
        var key = RuntimeHost.NewKey();
        var grain = host.Grains.GetGrain<IProbeGrain>(key);
        var holding = grain.HoldAsync(key, "hold");
        await ActivationTests.WaitUntilAsync(() => host.Catalog.Find(new GrainId(typeof(IProbeGrain), key))?.QueuedCount == 0);
        var queued = Enumerable.Range(0, 4).Select(sequence => grain.RecordAsync(0, sequence, yieldInside: false)).ToList();

        var rejected = grain.RecordAsync(0, 4, yieldInside: false);

        Assert.True(rejected.IsFaulted, "the call past the bound must fail at once");
        var error = Assert.IsType<GrainOverloadedException>(rejected.Exception!.InnerException);
        Assert.Equal(TimeSpan.FromSeconds(2), error.RetryAfter);
        TestGates.Open(key);
        var totals = await Task.WhenAll(queued).WaitAsync(RuntimeHost.Patience);
        Assert.Equal([1, 2, 3, 4], totals);
        await holding.WaitAsync(RuntimeHost.Patience);
    }

    [Fact]
    public async Task CallsRunningOrQueuedPastTheCallTimeout_FailForTheirCallers_AndTheActivationKeepsWorking()
    {
        await using var host = await RuntimeHost.StartAsync();
        var key = RuntimeHost.NewKey();
        var grain = host.Grains.GetGrain<IProbeGrain>(key);
        var activationId = await grain.GetActivationIdAsync().WaitAsync(RuntimeHost.Patience);
        var holding = grain.HoldAsync(key, "hold");
        var queued = grain.GetTotalAsync().AsTask();

        host.Clock.Advance(TimeSpan.FromSeconds(29));
        Assert.False(holding.IsCompleted || queued.IsCompleted);
        host.Clock.Advance(TimeSpan.FromSeconds(5)); // the timeout is checked every 3 s (a tenth of 30 s)

        var error = await Assert.ThrowsAsync<GrainCallTimeoutException>(() => holding.WaitAsync(RuntimeHost.Patience));
        Assert.Contains(nameof(IProbeGrain.HoldAsync), error.Message);
        await Assert.ThrowsAsync<GrainCallTimeoutException>(() => queued.WaitAsync(RuntimeHost.Patience));
        TestGates.Open(key);
        Assert.Equal(activationId, await grain.GetActivationIdAsync().WaitAsync(RuntimeHost.Patience));
        Assert.Equal(["hold:start", "hold:end"], (await grain.GetReportAsync().WaitAsync(RuntimeHost.Patience)).Events);
    }

    [Fact]
    public async Task InterleavedCallsOfAReentrantGrain_AllTimeOut()
    {
        await using var host = await RuntimeHost.StartAsync();
        var key = RuntimeHost.NewKey();
        var grain = host.Grains.GetGrain<IReentrantProbeGrain>(key);
        var holding = Enumerable.Range(0, 3).Select(call => grain.HoldAsync(key, $"hold{call}")).ToList();
        await ActivationTests.WaitUntilAsync(() => host.Catalog.Find(new GrainId(typeof(IReentrantProbeGrain), key))?.QueuedCount == 0);

        host.Clock.Advance(TimeSpan.FromSeconds(34));

        foreach (var call in holding) await Assert.ThrowsAsync<GrainCallTimeoutException>(() => call.WaitAsync(RuntimeHost.Patience));
        TestGates.Open(key);
    }

    [Fact]
    public async Task TurnLongerThanTheWarningThreshold_IsLoggedAsAWarning()
    {
        await using var host = await RuntimeHost.StartAsync();
        var key = RuntimeHost.NewKey();
        var grain = host.Grains.GetGrain<IProbeGrain>(key);
        await grain.TouchAsync().AsTask().WaitAsync(RuntimeHost.Patience);
        var holding = grain.HoldAsync(key, "hold");
        await ActivationTests.WaitUntilAsync(() => host.ActivationOf<IProbeGrain>(key).QueuedCount == 0);

        host.Clock.Advance(TimeSpan.FromSeconds(2));
        TestGates.Open(key);
        await holding.WaitAsync(RuntimeHost.Patience);
        // The caller is answered before the turn's end is accounted (and logged), so wait for the entry.
        await ActivationTests.WaitUntilAsync(() => host.Logs.Entries.Any(entry => entry.EventId == 1001));

        var warning = Assert.Single(host.Logs.Entries, entry => entry.EventId == 1001);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains(key, warning.Message);
        Assert.Contains("2000 ms", warning.Message);
    }
}
