using Hospital.Grains.Abuse;
using Hospital.Silo.Storage.Abuse;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Hospital.Silo.Hosting;

public static class AbuseServiceCollectionExtensions
{
    /// <summary>Registers freezes, account flags, the detection thresholds of "Abuse:Detection" (validated at start) and the lapsed-hold sweep.</summary>
    public static IServiceCollection AddAbuseControls(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<AbuseDetectionOptions>(configuration, AbuseDetectionOptions.Section, o => o.Validate());
        services.AddSingleton<IFreezeStore, SqlFreezeStore>();
        services.AddSingleton<IAccountFlagStore, SqlAccountFlagStore>();
        services.AddSingleton<LapsedHoldSweep>();
        services.AddHostedService(provider => provider.GetRequiredService<LapsedHoldSweep>());
        return services;
    }
}
