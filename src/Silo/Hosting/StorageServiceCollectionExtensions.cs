using Hospital.Grains.Catalog;
using Hospital.Silo.Storage;
using Hospital.Silo.Storage.Migrations;
using Hospital.Silo.Storage.MySql;
using Hospital.Silo.Storage.Resilience;
using Hospital.Silo.Storage.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hospital.Silo.Hosting;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="StorageOptions"/> (section "Storage", validated on start), the configured provider's
    /// <see cref="IDbConnectionFactory"/> behind the node's <see cref="StorageCircuit"/>, its timeouts and breaker
    /// ("Storage:Timeouts", "Storage:CircuitBreaker", validated on start), the schema migration that runs before the host
    /// serves, and <see cref="IGrainStateStore"/>.
    /// </summary>
    public static IServiceCollection AddSiloStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());
        services.AddOptions<StorageTimeoutOptions>().Bind(configuration.GetSection(StorageTimeoutOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageTimeoutOptions>, StorageTimeoutOptionsValidator>());
        services.AddOptions<StorageCircuitBreakerOptions>().Bind(configuration.GetSection(StorageCircuitBreakerOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageCircuitBreakerOptions>, StorageCircuitBreakerOptionsValidator>());
        services.TryAddSingleton(provider => new StorageCircuit(
            provider.GetRequiredService<IOptions<StorageCircuitBreakerOptions>>(), DialectOf(provider),
            // The hospital's clock, which tests drive, rather than the runtime's real time: a break can end without waiting.
            provider.GetRequiredService<HospitalClock>(), provider.GetRequiredService<ILogger<StorageCircuit>>()));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(HospitalClock.RealTime);
        services.TryAddSingleton<IDbConnectionFactory>(provider =>
            new ResilientConnectionFactory(CreateConnectionFactory(provider), provider.GetRequiredService<StorageCircuit>()));
        services.TryAddSingleton<SchemaMigrator>();
        services.AddHostedService<SchemaMigrationHostedService>();
        services.TryAddSingleton<IGrainStateStore, SqlGrainStateStore>();
        return services;
    }

    private static ISqlDialect DialectOf(IServiceProvider services) =>
        services.GetRequiredService<IOptions<StorageOptions>>().Value.Provider == StorageProvider.MySql ? MySqlDialect.Instance : SqliteDialect.Instance;

    private static IDbConnectionFactory CreateConnectionFactory(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        return options.Provider switch
        {
            StorageProvider.MySql => new MySqlConnectionFactory(options.EffectiveConnectionString,
                services.GetRequiredService<IOptions<StorageTimeoutOptions>>().Value),
            _ => new SqliteConnectionFactory(options.EffectiveConnectionString),
        };
    }
}
