using Hospital.Grains.Abstractions.Booking;
using Hospital.Grains.Appointments;
using Hospital.Grains.Availability;
using Hospital.Grains.Browsing;
using Hospital.Grains.Catalog;
using Hospital.Grains.Notifications;
using Hospital.Grains.Patients;
using Hospital.Grains.Queues;
using Hospital.Grains.Rules;
using Hospital.Grains.SlotPools;
using Hospital.Grains.Tickets;
using Hospital.Grains.Waitlists;
using Hospital.Silo.Notifications;
using Hospital.Silo.Privacy;
using Hospital.Silo.Storage;
using Hospital.Silo.Storage.Appointments;
using Hospital.Silo.Storage.Catalog;
using Hospital.Silo.Storage.Patients;
using Hospital.Silo.Storage.Queues;
using Hospital.Silo.Storage.SlotPools;
using Hospital.Silo.Storage.Waitlists;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Hospital.Silo.Hosting;

public static class HospitalServiceCollectionExtensions
{
    /// <summary>Registers the hospital's grains, their stores, the rules (sections under "Rules", validated on start) and the planning services.</summary>
    public static IServiceCollection AddHospital(this IServiceCollection services, IConfiguration configuration)
    {

        services.AddValidatedOptions<BookingRulesOptions>(configuration, "Rules:Booking", o => o.Validate());
        services.AddValidatedOptions<CancellationRulesOptions>(configuration, "Rules:Cancellation", o => o.Validate());
        services.AddValidatedOptions<CheckInRulesOptions>(configuration, "Rules:CheckIn", o => o.Validate());
        services.AddValidatedOptions<NoShowRulesOptions>(configuration, "Rules:NoShow", o => o.Validate());
        services.AddValidatedOptions<SlotPoolOptions>(configuration, SlotPoolOptions.Section, o =>
        {
            if (o.ExpiryCheckPeriod <= TimeSpan.Zero || o.RecoverySweepPeriod <= TimeSpan.Zero)
                throw new InvalidOperationException("ExpiryCheckPeriod and RecoverySweepPeriod must be positive.");
        });
        services.AddValidatedOptions<CatalogOptions>(configuration, CatalogOptions.Section, o =>
        {
            if (o.PlanningPeriod <= TimeSpan.Zero) throw new InvalidOperationException("PlanningPeriod must be positive.");
            if (o.PlanningDays is < 1 or > ReleasePolicy.MaxWindowDays)
                throw new InvalidOperationException($"PlanningDays must be 1 to {ReleasePolicy.MaxWindowDays}.");
        });
        services.AddOptions<PrivacyOptions>().Bind(configuration.GetSection(PrivacyOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PrivacyOptions>, PrivacyOptionsValidator>();
        services.AddValidatedOptions<TicketOptions>(configuration, TicketOptions.Section, o => o.Validate());

        services.AddSingleton(HospitalTime.China);
        services.AddSingleton<BatchWriterMetrics>();
        services.AddSingleton<AppointmentMetrics>();
        services.AddSingleton<SlotPoolBatchWriter>();
        services.AddSingleton<SharedWriterMetrics>();
        services.AddSingleton<SharedTransactionWriter>();
        services.AddSingleton<ISlotPoolStore, SqlSlotPoolStore>();
        services.AddSingleton<ICatalogStore, SqlCatalogStore>();
        services.AddSingleton<IReleaseWatchStore, SqlReleaseWatchStore>();
        services.AddSingleton<IPatientStore, SqlPatientStore>();
        services.AddSingleton<ISuspensionLiftStore, SqlSuspensionLiftStore>();
        services.AddSingleton<IAppointmentReadStore, SqlAppointmentReadStore>();
        services.AddSingleton<IWaitlistStore, SqlWaitlistStore>();
        services.AddSingleton<IPersonalDataProtector, AesGcmPersonalDataProtector>();
        services.AddSingleton<PatientRegistry>();
        services.AddSingleton<IVisitCodeStore, SqlVisitCodeStore>();
        services.AddSingleton<VisitCodes>();
        services.AddSingleton<IRecordAccessStore, SqlRecordAccessStore>();
        services.AddSingleton<PatientRecordAudit>();
        services.AddSingleton<AppointmentIds>();
        services.AddSingleton<CatalogCache>();
        services.AddSingleton<AvailabilityBoard>();
        services.AddSingleton<AvailabilityRelay>();
        services.AddSingleton<IAvailabilityPublisher>(provider => provider.GetRequiredService<AvailabilityRelay>());

        services.AddSingleton<CatalogPlanner>();
        services.AddHostedService(provider => provider.GetRequiredService<CatalogPlanner>());
        services.AddSingleton<HoldExpiryRecovery>();
        services.AddHostedService(provider => provider.GetRequiredService<HoldExpiryRecovery>());
        services.AddSingleton<IVisitDayStore, SqlVisitDayStore>();
        services.AddSingleton<VisitCodeBookings>();
        services.AddSingleton<ETicketSigner>();
        services.AddSingleton<ETicketIssuer>();
        services.AddSingleton<BookingConfirmations>();
        services.AddSingleton<QueueBoard>();
        services.AddSingleton<QueueBoardRelay>();
        services.AddSingleton<ClusterBoardsRenewal>();
        services.AddHostedService(provider => provider.GetRequiredService<ClusterBoardsRenewal>());
        services.AddSingleton<NoShowSweep>();
        services.AddHostedService(provider => provider.GetRequiredService<NoShowSweep>());
        services.AddAbuseControls(configuration);
        services.AddPayments(configuration);
        services.AddNotifications(configuration);
        return services;
    }

    internal static void AddValidatedOptions<TOptions>(this IServiceCollection services, IConfiguration configuration, string section, Action<TOptions> validate)
        where TOptions : class
    {
        services.AddOptions<TOptions>().Bind(configuration.GetSection(section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TOptions>>(new OptionsValidator<TOptions>(validate));
    }
}
