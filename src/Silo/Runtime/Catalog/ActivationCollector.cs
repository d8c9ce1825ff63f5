using Hospital.Grains.Abstractions.Runtime;
using Microsoft.Extensions.Hosting;

namespace Hospital.Silo.Runtime.Catalog;

/// <summary>
/// Hosted service: looks for idle activations every collection period (on the injected clock),
/// and deactivates every activation when the host stops, so OnDeactivateAsync runs for all of them.
/// </summary>
internal sealed class ActivationCollector(GrainCatalog catalog, TimeProvider timeProvider) : IHostedService, IDisposable
{
    private ITimer? _timer;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var period = catalog.Options.CollectionCheckPeriod;
        _timer = timeProvider.CreateTimer(static state => ((GrainCatalog)state!).CollectIdleActivations(), catalog, period, period);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        await catalog.DeactivateAllAsync(DeactivationReason.ShuttingDown, cancellationToken);
    }

    public void Dispose() => _timer?.Dispose();
}
