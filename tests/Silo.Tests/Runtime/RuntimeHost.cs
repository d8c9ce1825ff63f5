using Hospital.Grains.Abstractions.Runtime;
using Hospital.Silo.Hosting;
using Hospital.Silo.Runtime.Catalog;
using Hospital.Silo.Tests.Runtime.Grains;
using Hospital.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Hospital.Silo.Tests.Runtime;

/// <summary>A started runtime with the test grains, a manual clock and captured logs; one per test.</summary>
public sealed class RuntimeHost : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly IHostedService[] _hostedServices;

    private RuntimeHost(ServiceProvider services, ManualTimeProvider clock, CapturingLoggerProvider logs)
    {
        Services = services;
        Clock = clock;
        Logs = logs;
        Grains = services.GetRequiredService<IGrainFactory>();
        _hostedServices = [.. services.GetServices<IHostedService>()];
    }

    public ServiceProvider Services { get; }

    public ManualTimeProvider Clock { get; }

    public CapturingLoggerProvider Logs { get; }

    public IGrainFactory Grains { get; }

    internal GrainCatalog Catalog => Services.GetRequiredService<GrainCatalog>();

    public static string NewKey() => Guid.NewGuid().ToString("N");

    public static async Task<RuntimeHost> StartAsync(Dictionary<string, string?>? settings = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? []).Build();
        var clock = new ManualTimeProvider();
        var logs = new CapturingLoggerProvider();
        var services = new ServiceCollection()
            .AddSingleton<TimeProvider>(clock)
            .AddLogging(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Debug))
            .AddSiloRuntime(configuration)
            .AddGrain<IProbeGrain, ProbeGrain>()
            .AddGrain<IReentrantProbeGrain, ReentrantProbeGrain>()
            .AddGrain<IParticipantGrain, ParticipantGrain>()
            .AddGrain<IFailingActivationGrain, FailingActivationGrain>()
            .AddScoped<TestStateParticipant>();
        var host = new RuntimeHost(services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }), clock, logs);
        foreach (var hostedService in host._hostedServices) await hostedService.StartAsync(CancellationToken.None);
        return host;
    }

    /// <summary>Stops the host like a real shutdown: every activation is deactivated.</summary>
    public async Task StopAsync()
    {
        using var patience = new CancellationTokenSource(Patience);
        foreach (var hostedService in _hostedServices) await hostedService.StopAsync(patience.Token);
    }

    internal ActivationData ActivationOf<TGrainInterface>(string key) =>
        Catalog.Find(new GrainId(typeof(TGrainInterface), key)) ?? throw new InvalidOperationException($"{key} has no activation.");

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await Services.DisposeAsync();
    }
}
