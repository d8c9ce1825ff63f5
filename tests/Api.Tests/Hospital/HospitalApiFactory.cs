using Hospital.Grains.Catalog;
using Hospital.TestSupport;
using Hospital.TestSupport.Databases;
using Hospital.TestSupport.Hospital;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Hospital.Api.Tests.Hospital;

/// <summary>
/// The real app in memory over a given test database (SQLite or MariaDB, already seeded) on a test clock,
/// planning the <see cref="TestCatalog"/> instead of the demo hospital.
/// </summary>
public sealed class HospitalApiFactory(TestDatabase database, TimeProvider clock, IDictionary<string, string?>? settings = null,
    Action<IServiceCollection>? configureServices = null)
    : WebApplicationFactory<Program>
{
    /// <summary>The key that signs this app's tokens, so tests can make staff tokens without an app (<see cref="TestTokens"/>).</summary>
    public const string SigningKey = "http-tests-signing-key-0123456789abcdef";

    /// <summary>The sandbox gateway's callback secret, so tests can sign notifications of their own.</summary>
    public const string SandboxSecret = "http-tests-sandbox-secret-0123456789abcdef";

    /// <summary>Tokens outlive the hours tests move the clock by, unless a test sets Auth:AccessTokenLifetime itself.</summary>
    public static readonly TimeSpan TokenLifetime = TimeSpan.FromDays(2);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in HospitalTestSettings.For(database)) builder.UseSetting(key, value);
        builder.UseSetting("Auth:SigningKey", SigningKey);
        builder.UseSetting("Auth:AccessTokenLifetime", TokenLifetime.ToString());
        builder.UseSetting("Payments:Sandbox:Secret", SandboxSecret);
        // Each app is a node of its own (several run at once); it calls its silo in-process, so no gateway.
        builder.UseSetting("Silo:Clustering", "Localhost");
        builder.UseSetting("Silo:SiloPort", FreePort.Next().ToString());
        builder.UseSetting("Silo:GatewayPort", "0");
        // Every test client is one address and many suites book by the thousand: the booking limits and shared-address
        // detection have their own tests, which set them.
        builder.UseSetting("Abuse:RateLimits:BookingsPerIp", "1000000");
        builder.UseSetting("Abuse:RateLimits:BookingsPerAccount", "1000000");
        builder.UseSetting("Abuse:Detection:AccountsPerSource", "1000000");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) builder.UseSetting(key, value);
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<HospitalClock>();
            services.AddSingleton(new HospitalClock(clock));
            configureServices?.Invoke(services);
        });
    }
}
