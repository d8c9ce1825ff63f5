using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Hospital.Silo.Hosting;

public static class RuntimeServiceCollectionExtensions
{
    /// <summary>Registers the virtual-actor runtime (grain factory, catalog, options, metrics).</summary>
    public static IServiceCollection AddSiloRuntime(this IServiceCollection services, IConfiguration configuration)
    {
        // Filled in by the runtime work.
        return services;
    }
}
