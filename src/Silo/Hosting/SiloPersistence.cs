using Hospital.Grains.Storage;
using Hospital.Silo.Storage;
using Hospital.Silo.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Runtime.Hosting;
using Orleans.Serialization.Serializers;

namespace Hospital.Silo.Hosting;

/// <summary>Where Orleans keeps grain state (<see cref="HospitalStorage.Name"/>) and reminders: in the hospital's own database.</summary>
public static class SiloPersistence
{
    /// <summary>
    /// Registers the grain storage named <see cref="HospitalStorage.Name"/> and a durable reminder service on the
    /// configured database: Orleans' ADO.NET providers on MySQL/MariaDB (our tables and queries, Schema/MySql/0004),
    /// our own <see cref="StateStoreGrainStorage"/> and <see cref="SqliteReminderTable"/> on SQLite, which no ADO.NET
    /// provider supports. Grain state is JSON in both (<see cref="StorageJsonGrainStateSerializer.Instance"/>).
    /// </summary>
    /// <remarks>
    /// Chosen by the database, not by the clustering mode: one node on MySQL with localhost clustering keeps its state
    /// where a cluster on that database will look for it, so adding nodes later loses nothing.
    /// </remarks>
    public static ISiloBuilder AddHospitalPersistence(this ISiloBuilder silo, StorageOptions storage)
    {
        if (storage.Provider == StorageProvider.MySql)
        {
            silo.AddAdoNetGrainStorage(HospitalStorage.Name, adoNet =>
            {
                (adoNet.Invariant, adoNet.ConnectionString) = (SiloHostingExtensions.MySqlConnectorInvariant, storage.EffectiveConnectionString);
                adoNet.GrainStorageSerializer = StorageJsonGrainStateSerializer.Instance;
            });
            silo.UseAdoNetReminderService(adoNet =>
                (adoNet.Invariant, adoNet.ConnectionString) = (SiloHostingExtensions.MySqlConnectorInvariant, storage.EffectiveConnectionString));
            return silo;
        }

        silo.Services.AddGrainStorage(HospitalStorage.Name, (services, _) => new StateStoreGrainStorage(
            services.GetRequiredService<IGrainStateStore>(),
            StorageJsonGrainStateSerializer.Instance,
            services.GetRequiredService<IActivatorProvider>(),
            services.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId));
        silo.AddReminders();
        silo.Services.AddSingleton<IReminderTable, SqliteReminderTable>();
        return silo;
    }
}
