using Hospital.Grains.Payments;
using Hospital.Silo.Payments;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Hospital.Silo.Hosting;

public static class PaymentServiceCollectionExtensions
{
    /// <summary>
    /// Registers payment orders ("Payments" and the insurance policy "Payments:Insurance", validated at start) with their sweep and the sandbox gateway ("Payments:Sandbox"; its secret is
    /// validated by the API that serves the callback).
    /// </summary>
    public static IServiceCollection AddPayments(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<PaymentOptions>(configuration, PaymentOptions.Section, o => o.Validate());
        services.AddValidatedOptions<InsurancePolicyOptions>(configuration, InsurancePolicyOptions.Section, o => o.Validate());
        services.AddOptions<SandboxGatewayOptions>().Bind(configuration.GetSection(SandboxGatewayOptions.Section));
        services.AddSingleton<IPaymentStore, SqlPaymentStore>();
        services.AddHttpClient(SandboxNotifier.ClientName);
        services.AddSingleton<SandboxNotifier>();
        services.AddSingleton<SandboxGateway>();
        services.AddSingleton<IPaymentGateway>(provider => provider.GetRequiredService<SandboxGateway>());
        services.AddSingleton<SandboxCallbackVerifier>();
        services.AddSingleton<PaymentSweep>();
        services.AddHostedService(provider => provider.GetRequiredService<PaymentSweep>());
        return services;
    }
}
