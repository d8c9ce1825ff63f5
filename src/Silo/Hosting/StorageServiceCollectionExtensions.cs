using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Hospital.Silo.Hosting;

public static class StorageServiceCollectionExtensions
{
    /// <summary>Registers the connection factory for the configured provider, the migration runner and grain state storage.</summary>
    public static IServiceCollection AddSiloStorage(this IServiceCollection services, IConfiguration configuration)
    {
        // Filled in by the storage work.
        return services;
    }
}
