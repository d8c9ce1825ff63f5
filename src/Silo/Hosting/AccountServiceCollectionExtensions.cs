using Hospital.Grains.Accounts;
using Hospital.Silo.RealName;
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
    /// section "Sms", the real-name verifier of "RealName", and the limits of "Auth:SmsCode", "Auth:StaffLockout" and "Auth:VisitCode" (all validated at start).
    /// </summary>
    public static IHostApplicationBuilder AddAccounts(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddValidatedOptions<SmsCodeOptions>(builder.Configuration, SmsCodeOptions.Section, o => o.Validate());
        services.AddValidatedOptions<StaffLockoutOptions>(builder.Configuration, StaffLockoutOptions.Section, o => o.Validate());
        services.AddValidatedOptions<VisitCodeOptions>(builder.Configuration, VisitCodeOptions.Section, o => o.Validate());
        var production = builder.Environment.IsProduction();
        services.AddValidatedOptions<SmsOptions>(builder.Configuration, SmsOptions.Section, o =>
            CheckProvider("Sms:Sender", o.Sender, SmsOptions.DevelopmentSender, production, "writes login codes to the log"));
        services.AddValidatedOptions<RealNameOptions>(builder.Configuration, RealNameOptions.Section, o =>
            CheckProvider("RealName:Verifier", o.Verifier, RealNameOptions.DevelopmentVerifier, production, "takes every phone to belong to the person named"));

        services.AddSingleton<IPatientAccountStore, SqlPatientAccountStore>();
        services.AddSingleton<IStaffUserStore, SqlStaffUserStore>();
        services.AddSingleton<IRefreshTokenStore, SqlRefreshTokenStore>();
        services.AddSingleton<IFamilyStore, SqlFamilyStore>();
        services.AddSingleton<IPasswordHasher<StaffUser>, PasswordHasher<StaffUser>>();
        if (builder.Configuration[$"{SmsOptions.Section}:Sender"] == SmsOptions.DevelopmentSender) services.AddSingleton<ISmsSender, DevelopmentSmsSender>();
        if (builder.Configuration[$"{RealNameOptions.Section}:Verifier"] == RealNameOptions.DevelopmentVerifier)
            services.AddSingleton<IRealNameVerifier, DevelopmentRealNameVerifier>();
        services.AddSingleton<PatientAccounts>();
        services.AddSingleton<FamilyMemberAdmission>();
        services.AddSingleton<StaffDirectory>();
        return builder;
    }

    /// <summary>An outside provider's setting: unset, or a provider we know; the development one never in Production.</summary>
    private static void CheckProvider(string setting, string? value, string development, bool production, string whyNotInProduction)
    {
        if (!string.IsNullOrWhiteSpace(value) && value != development)
            throw new InvalidOperationException($"{setting} '{value}' is unknown; the only one is '{development}'.");
        if (value == development && production)
            throw new InvalidOperationException($"{setting} '{development}' {whyNotInProduction} and is refused in Production.");
    }
}
