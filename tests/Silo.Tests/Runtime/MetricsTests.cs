using System.Diagnostics.Metrics;
using Hospital.Silo.Runtime.Metrics;
using Hospital.Silo.Tests.Runtime.Grains;
using Microsoft.Extensions.DependencyInjection;

namespace Hospital.Silo.Tests.Runtime;

public sealed class MetricsTests
{
    [Fact]
    public async Task Meter_ReportsCallsTurnDurationsActivationsAndMailboxDepth()
    {
        await using var host = await RuntimeHost.StartAsync();
        using var metrics = new RecordedMetrics(host.Services.GetRequiredService<IMeterFactory>());
        var keys = Enumerable.Range(0, 3).Select(_ => RuntimeHost.NewKey()).ToList();

        foreach (var key in keys)
        {
            var grain = host.Grains.GetGrain<IProbeGrain>(key);
            for (var sequence = 0; sequence < 10; sequence++) await grain.RecordAsync(0, sequence, yieldInside: true).WaitAsync(RuntimeHost.Patience);
        }
        var held = host.Grains.GetGrain<IProbeGrain>(keys[0]);
        var holding = held.HoldAsync(keys[0], "hold");
        await ActivationTests.WaitUntilAsync(() => metrics.Sum(SiloMeterNames.Calls) == 31);
        var queued = Enumerable.Range(0, 5).Select(_ => held.TouchAsync().AsTask()).ToList();
        metrics.Observe();

        Assert.Equal(30, metrics.Count(SiloMeterNames.TurnDuration));
        Assert.Equal(3, metrics.Last(SiloMeterNames.Activations));
        Assert.Equal(5, metrics.Last(SiloMeterNames.MailboxDepth));
        TestGates.Open(keys[0]);
        await Task.WhenAll([holding, .. queued]).WaitAsync(RuntimeHost.Patience);
        metrics.Observe();
        Assert.Equal(0, metrics.Last(SiloMeterNames.MailboxDepth));
    }
}
