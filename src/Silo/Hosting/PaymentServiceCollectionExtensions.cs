using Hospital.Grains.Payments;
using Hospital.Grains.Reconciliation;
using Hospital.Silo.Payments;
using Hospital.Silo.Reconciliation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Hospital.Silo.Hosting;

public static class PaymentServiceCollectionExtensions
{
    /// <summary>
    /// Registers payment orders ("Payments" and the insurance policy "Payments:Insurance", validated at start) with their sweep, the
    /// sandbox gateway ("Payments:Sandbox"; its secret is validated by the API that serves the callback) and the daily
    /// reconciliation ("Payments:Reconciliation").
    /// </summary>
    public static IServiceCollection AddPayments(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<PaymentOptions>(configuration, PaymentOptions.Section, o => o.Validate());
        services.AddValidatedOptions<InsurancePolicyOptions>(configuration, InsurancePolicyOptions.Section, o => o.Validate());
        services.AddOptions<SandboxGatewayOptions>().Bind(configuration.GetSection(SandboxGatewayOptions.Section));
        services.AddSingleton<IPaymentStore, SqlPaymentStore>();
        services.AddHttpClient(SandboxNotifier.ClientName);
        services.AddSingleton<SandboxNotifier>();
        services.AddSingleton<SandboxGatewayStore>();
        services.AddSingleton<SandboxGateway>();
        services.AddSingleton<IPaymentGateway>(provider => provider.GetRequiredService<SandboxGateway>());
        services.AddSingleton<SandboxCallbackVerifier>();
        services.AddSingleton<PaymentSweep>();
        services.AddHostedService(provider => provider.GetRequiredService<PaymentSweep>());
        services.AddValidatedOptions<ReconciliationOptions>(configuration, ReconciliationOptions.Section, o => o.Validate());
        services.AddSingleton<IReconciliationStore, SqlReconciliationStore>();
        services.AddSingleton<PaymentReconciler>();
        services.AddSingleton<ReconciliationSweep>();
        services.AddHostedService(provider => provider.GetRequiredService<ReconciliationSweep>());
        return services;
    }
}
