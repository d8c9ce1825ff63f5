using Hospital.Grains.Abstractions.Runtime;
using Hospital.Silo.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Hospital.LoadTests.Runtime;

/// <summary>The real runtime with default options, one grain per key; references are made once up front.</summary>
internal sealed class GrainTarget : IBenchTarget
{
    private readonly ServiceProvider _services;
    private readonly IBenchGrain[] _grains;

    public GrainTarget(int keys)
    {
        _services = new ServiceCollection()
            .AddSiloRuntime(new ConfigurationBuilder().Build())
            .AddGrain<IBenchGrain, BenchGrain>()
            .BuildServiceProvider();
        var factory = _services.GetRequiredService<IGrainFactory>();
        _grains = Enumerable.Range(0, keys).Select(key => factory.GetGrain<IBenchGrain>($"bench-{key}")).ToArray();
    }

    public string Name => "grain";

    public Task<int> CallAsync(int key) => _grains[key].IncrementAsync();

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
