using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Hospital.Silo.Storage;
using Orleans.Configuration;
using Orleans.Dashboard;

namespace Hospital.Silo.Hosting;

public static class HospitalSiloBuilderExtensions
{
    /// <summary>
    /// What every hospital silo runs, however it finds its cluster: storage, the hospital's grains, services and hosted
    /// services, Orleans' grain storage and reminders, the dashboard's statistics, and the runtime limits of section "Silo". Clustering, endpoints and cluster ids are left to the caller:
    /// <see cref="SiloHostingExtensions.AddSilo"/> in production, Orleans' test cluster in tests, so both run one configuration.
    /// </summary>
    public static ISiloBuilder AddHospitalSilo(this ISiloBuilder silo)
    {
        var configuration = silo.Configuration;
        silo.Services.AddSiloStorage(configuration);
        silo.Services.AddHospital(configuration);
        silo.Services.AddOptions<SiloOptions>().Bind(configuration.GetSection(SiloOptions.Section)).ValidateOnStart();
        silo.Services.AddSingleton<IValidateOptions<SiloOptions>>(new OptionsValidator<SiloOptions>(SiloHostingExtensions.Validate));

        var options = configuration.GetSection(SiloOptions.Section).Get<SiloOptions>() ?? new SiloOptions();
        silo.Configure<GrainCollectionOptions>(collection => collection.CollectionAge = options.IdleCollectionAge);
        silo.Configure<SiloMessagingOptions>(messaging =>
        {
            messaging.MaxEnqueuedRequestsHardLimit = options.MaxRequestsPerActivation;
            messaging.MaxEnqueuedRequestsSoftLimit = 0; // no warning level short of the refusal
            messaging.ResponseTimeout = options.CallTimeout;
        });
        silo.AddHospitalPersistence(configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions());
        // The admin dashboard's statistics (grain types, activations, calls and latency per method); the API maps its pages.
        // Calls are timed always, not only while someone watches: an admin opening it after a release peak must see
        // the peak. Measured at under a microsecond per grain call, against milliseconds for a booking's commit.
        if (options.Dashboard)
        {
            silo.AddDashboard();
            silo.Services.Configure<GrainProfilerOptions>(profiler => profiler.TraceAlways = true);
        }
        return silo;
    }
}
