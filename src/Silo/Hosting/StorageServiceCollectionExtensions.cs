using Hospital.Silo.Storage;
using Hospital.Silo.Storage.Migrations;
using Hospital.Silo.Storage.MySql;
using Hospital.Silo.Storage.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Hospital.Silo.Hosting;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="StorageOptions"/> (section "Storage", validated on start), the configured provider's
    /// <see cref="IDbConnectionFactory"/>, the schema migration that runs before the host serves, and
    /// <see cref="IGrainStateStore"/>.
    /// </summary>
    public static IServiceCollection AddSiloStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(CreateConnectionFactory);
        services.TryAddSingleton<SchemaMigrator>();
        services.AddHostedService<SchemaMigrationHostedService>();
        services.TryAddSingleton<IGrainStateStore, SqlGrainStateStore>();
        return services;
    }

    private static IDbConnectionFactory CreateConnectionFactory(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        return options.Provider switch
        {
            StorageProvider.MySql => new MySqlConnectionFactory(options.EffectiveConnectionString),
            _ => new SqliteConnectionFactory(options.EffectiveConnectionString),
        };
    }
}
