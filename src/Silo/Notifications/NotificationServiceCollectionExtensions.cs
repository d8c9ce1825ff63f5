using Hospital.Silo.Hosting;
using Hospital.Silo.Sms;
using Hospital.Silo.Storage.Notifications;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Hospital.Silo.Notifications;

public static class NotificationServiceCollectionExtensions
{
    /// <summary>
    /// Registers the visit notice sweep and, when an SMS sender is configured (section "Sms"), the outbox dispatcher;
    /// without one the notices wait in the outbox. Settings: section "Notifications", validated at start.
    /// </summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<NotificationOptions>(configuration, NotificationOptions.Section, o => o.Validate());
        services.AddSingleton<SqlOutbox>();
        services.AddSingleton<SqlVisitNotices>();
        services.AddSingleton<SuspensionLookup>();
        services.AddSingleton<IVisitNoticeSource, DayBeforeReminders>();
        services.AddSingleton<IVisitNoticeSource, NoShowNotices>();
        services.AddSingleton<IVisitNoticeSource, CancellationSuspensionNotices>();
        services.AddSingleton<IVisitNoticeSource, ReleaseOpeningNotices>();
        services.AddSingleton<VisitNoticeSweep>();
        services.AddHostedService(provider => provider.GetRequiredService<VisitNoticeSweep>());
        if (!string.IsNullOrWhiteSpace(configuration[$"{SmsOptions.Section}:{nameof(SmsOptions.Sender)}"]))
        {
            services.AddSingleton<NotificationDispatcher>();
            services.AddHostedService(provider => provider.GetRequiredService<NotificationDispatcher>());
        }
        return services;
    }
}
