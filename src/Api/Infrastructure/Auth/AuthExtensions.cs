using Hospital.Api.Infrastructure.RateLimits;
using Hospital.Grains.Catalog;
using Hospital.Silo.Hosting;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Hospital.Api.Infrastructure.Auth;

public static class AuthExtensions
{
    /// <summary>
    /// Accounts and logins: bearer tokens (section "Auth", validated at start), the policies of <see cref="HospitalPolicies"/>,
    /// the login and booking rate limits, the accounts' grains' services, and the initial hospital admin of "Auth:InitialAdmin".
    /// </summary>
    public static IHostApplicationBuilder AddHospitalAuth(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        builder.AddAccounts();
        services.AddOptions<LoginRateLimitOptions>().BindConfiguration(LoginRateLimitOptions.Section)
            .Validate(o => { o.Validate(); return true; }).ValidateOnStart();
        services.AddOptions<InitialAdminOptions>().BindConfiguration(InitialAdminOptions.Section);
        services.AddSingleton<TokenIssuer>();
        services.AddHostedService<InitialAdminSeeder>();

        services.AddHospitalBearer();
        services.AddLoginRateLimits();
        services.AddBookingRateLimits();
        return builder;
    }

    /// <summary>
    /// Bearer tokens and the policies alone: the options of section "Auth" (validated at start), the JWT handler with its validation
    /// parameters, and <see cref="HospitalPolicies"/>. The API's setup, and the token benchmark's, which must measure the very same checks.
    /// </summary>
    public static IServiceCollection AddHospitalBearer(this IServiceCollection services)
    {
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AuthOptions>, AuthOptionsValidator>();
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).Configure<IOptions<AuthOptions>, HospitalClock>((jwt, auth, clock) =>
        {
            var settings = auth.Value;
            // Our short claim names stay as they are ("sub", "role"), not mapped to .NET's long claim URIs.
            jwt.MapInboundClaims = false;
            jwt.TimeProvider = clock;
            // Nothing reads the token back from the authentication properties, and storing it there cost every request a
            // dictionary entry, a list and strings (allocation ticks, 2026-12-05).
            jwt.SaveToken = false;
            jwt.TokenHandlers.Clear();
            jwt.TokenHandlers.Add(new RememberingTokenHandler(RememberingTokenHandler.DefaultCapacity) { MapInboundClaims = false });
            jwt.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = settings.Issuer,
                ValidAudience = settings.Issuer,
                IssuerSigningKey = TokenIssuer.SigningKey(settings),
                ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                ClockSkew = settings.ClockSkew,
                NameClaimType = HospitalClaims.Subject,
                RoleClaimType = HospitalClaims.Role,
                // Expiry is judged on the hospital's clock, the one tests drive (the handler's own check reads the system clock).
                LifetimeValidator = (notBefore, expires, _, parameters) => Lifetime.Covers(clock.GetUtcNow().UtcDateTime, notBefore, expires, parameters.ClockSkew),
            };
            jwt.Events = new JwtBearerEvents
            {
                // A bearer header wins; the dashboard's cookie counts on the dashboard's paths only.
                OnMessageReceived = context =>
                {
                    if (string.IsNullOrEmpty(context.Request.Headers.Authorization)) context.Token = DashboardCookie.Token(context.Request);
                    return Task.CompletedTask;
                },
                // A browser opening the dashboard without a valid cookie is sent to sign in; its scripts and data calls get the plain 401.
                OnChallenge = context =>
                {
                    if (!DashboardCookie.IsPageRequest(context.Request)) return Task.CompletedTask;
                    context.HandleResponse();
                    context.Response.Redirect(DashboardCookie.SignInPath);
                    return Task.CompletedTask;
                },
            };
        });
        services.AddAuthorizationBuilder().AddHospitalPolicies();
        return services;
    }

    public static IApplicationBuilder UseHospitalAuth(this IApplicationBuilder app) =>
        app.UseAuthentication().UseAuthorization().UseStoppableRateLimiter();
}
