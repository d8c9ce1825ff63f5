using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans;

namespace Hospital.LoadTests.Runtime;

/// <summary>An Orleans silo in this process with default options, one grain per key; references are made once up front.</summary>
internal sealed class GrainTarget : IBenchTarget
{
    private readonly IHost _host;
    private readonly IBenchGrain[] _grains;

    private GrainTarget(IHost host, int keys)
    {
        _host = host;
        var factory = host.Services.GetRequiredService<IGrainFactory>();
        _grains = Enumerable.Range(0, keys).Select(key => factory.GetGrain<IBenchGrain>($"bench-{key}")).ToArray();
    }

    public string Name => "grain";

    public static async Task<GrainTarget> StartAsync(int keys)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleans(silo => silo.UseLocalhostClustering(gatewayPort: 0));
        var host = builder.Build();
        await host.StartAsync();
        return new GrainTarget(host, keys);
    }

    public Task<int> CallAsync(int key) => _grains[key].IncrementAsync();

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
