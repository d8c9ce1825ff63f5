using Hospital.Grains.Abstractions.Runtime;
using Hospital.Grains.Abstractions.Storage;
using Hospital.Silo.Runtime.Catalog;
using Hospital.Silo.Runtime.Configuration;
using Hospital.Silo.Runtime.Metrics;
using Hospital.Silo.Runtime.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Hospital.Silo.Hosting;

public static class RuntimeServiceCollectionExtensions
{
    /// <summary>
    /// Registers the virtual-actor runtime: options (section <c>Silo:Runtime</c>, validated on start), the grain
    /// factory, the catalog, metrics, the per-activation scoped services and the idle collector.
    /// </summary>
    public static IServiceCollection AddSiloRuntime(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddLogging();
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<SiloRuntimeOptions>().Bind(configuration.GetSection(SiloRuntimeOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SiloRuntimeOptions>, SiloRuntimeOptionsValidator>());
        services.TryAddSingleton<SiloMetrics>();
        services.TryAddSingleton(provider => new GrainTypeRegistry(provider.GetServices<GrainRegistration>()));
        services.TryAddSingleton<GrainCatalog>();
        services.TryAddSingleton(provider => provider.GetRequiredService<GrainCatalog>().Factory);
        // One scope per activation: these make the activation reachable from services created for it.
        services.TryAddScoped<ActivationScopeContext>();
        services.TryAddScoped<IGrainContext>(provider => provider.GetRequiredService<ActivationScopeContext>().Activation);
        services.TryAddScoped<IActivationLifecycle>(provider => provider.GetRequiredService<ActivationScopeContext>());
        services.TryAddScoped(typeof(IPersistentState<>), typeof(PersistentState<>));
        services.AddHostedService<ActivationCollector>();
        return services;
    }

    /// <summary>Registers <typeparamref name="TGrain"/> as the grain class behind <typeparamref name="TGrainInterface"/>.</summary>
    public static IServiceCollection AddGrain<TGrainInterface, TGrain>(this IServiceCollection services)
        where TGrainInterface : IGrainWithStringKey
        where TGrain : Grain, TGrainInterface
    {
        services.AddSingleton(new GrainRegistration(typeof(TGrainInterface), typeof(TGrain)));
        return services;
    }
}
