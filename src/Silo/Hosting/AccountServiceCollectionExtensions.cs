using Hospital.Grains.Accounts;
using Hospital.Silo.Sms;
using Hospital.Silo.Storage.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Hospital.Silo.Hosting;

public static class AccountServiceCollectionExtensions
{
    /// <summary>
    /// Registers logins' grains' services: patient accounts and their patients, staff users, refresh tokens, phone login state, the SMS sender of
    /// section "Sms", and the limits of "Auth:SmsCode", "Auth:StaffLockout" and "Auth:VisitCode" (all validated at start).
    /// </summary>
    public static IHostApplicationBuilder AddAccounts(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddValidatedOptions<SmsCodeOptions>(builder.Configuration, SmsCodeOptions.Section, o => o.Validate());
        services.AddValidatedOptions<StaffLockoutOptions>(builder.Configuration, StaffLockoutOptions.Section, o => o.Validate());
        services.AddValidatedOptions<VisitCodeOptions>(builder.Configuration, VisitCodeOptions.Section, o => o.Validate());
        var production = builder.Environment.IsProduction();
        services.AddValidatedOptions<SmsOptions>(builder.Configuration, SmsOptions.Section, o =>
        {
            if (o.IsConfigured && o.Sender != SmsOptions.DevelopmentSender)
                throw new InvalidOperationException($"Sms:Sender '{o.Sender}' is unknown; the only sender is '{SmsOptions.DevelopmentSender}'.");
            if (o.Sender == SmsOptions.DevelopmentSender && production)
                throw new InvalidOperationException("Sms:Sender 'Development' writes login codes to the log and is refused in Production.");
        });

        services.AddSingleton<IPatientAccountStore, SqlPatientAccountStore>();
        services.AddSingleton<IStaffUserStore, SqlStaffUserStore>();
        services.AddSingleton<IRefreshTokenStore, SqlRefreshTokenStore>();
        services.AddSingleton<IFamilyStore, SqlFamilyStore>();
        services.AddSingleton<IPasswordHasher<StaffUser>, PasswordHasher<StaffUser>>();
        if (builder.Configuration[$"{SmsOptions.Section}:Sender"] == SmsOptions.DevelopmentSender) services.AddSingleton<ISmsSender, DevelopmentSmsSender>();
        services.AddSingleton<PatientAccounts>();
        services.AddSingleton<FamilyMemberAdmission>();
        services.AddSingleton<StaffDirectory>();
        return builder;
    }
}
