using Hospital.TestSupport;
using Hospital.TestSupport.Hospital;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Options;

namespace Hospital.Api.Tests.Accounts;

/// <summary>Outside Development nothing has a built-in secret: a missing signing key, or the log-writing SMS sender, stops the start.</summary>
public sealed class AuthStartupTests
{
    [Fact]
    public void Start_InProductionWithoutASigningKey_FailsNamingTheSetting()
    {
        using var app = new ProductionApp(new() { ["Auth:SigningKey"] = null });

        var failure = Assert.Throws<OptionsValidationException>(() => app.CreateClient());

        Assert.Contains("Auth:SigningKey must be a secret of at least 32 bytes", failure.Message);
    }

    [Fact]
    public void Start_InProductionWithAShortSigningKey_Fails()
    {
        using var app = new ProductionApp(new() { ["Auth:SigningKey"] = new string('k', 31) });

        Assert.Throws<OptionsValidationException>(() => app.CreateClient());
    }

    [Fact]
    public void Start_InProductionWithoutASandboxGatewaySecret_FailsNamingTheSetting()
    {
        using var app = new ProductionApp(new() { ["Payments:Sandbox:Secret"] = "too-short" });

        var failure = Assert.Throws<OptionsValidationException>(() => app.CreateClient());

        Assert.Contains("Payments:Sandbox:Secret must be a secret of at least 32 bytes", failure.Message);
    }

    [Fact]
    public void Start_WithAnInsurancePolicyOverTheWholeFee_FailsNamingTheSetting()
    {
        using var app = new ProductionApp(new() { ["Payments:Insurance:Policies:Expert:Employee:PooledFund"] = "0.9" });

        var failure = Assert.Throws<OptionsValidationException>(() => app.CreateClient());

        Assert.Contains("Payments:Insurance:Policies:Expert:Employee: PooledFund + PersonalAccount exceed 1", failure.Message);
    }

    [Theory]
    [InlineData("Sms:Sender")]
    [InlineData("RealName:Verifier")]
    public void Start_InProductionWithADevelopmentProvider_FailsNamingTheSetting(string setting)
    {
        using var app = new ProductionApp(new() { [setting] = "Development" });

        var failure = Assert.Throws<OptionsValidationException>(() => app.CreateClient());

        Assert.Contains($"{setting} 'Development'", failure.Message);
        Assert.Contains("refused in Production", failure.Message);
    }

    [Fact]
    public async Task Start_InProductionWithASigningKey_ServesAndRefusesCodesWithoutAnSmsProvider()
    {
        using var app = new ProductionApp([]);

        var answer = await app.CreateClient().PostAsync("/api/auth/sms-codes", System.Net.Http.Json.JsonContent.Create(new { phone = "13800138000" }));

        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, answer.StatusCode);
        Assert.Equal("sms.unavailable", (await ProblemResponse.ReadAsync(answer)).Code());
    }

    /// <summary>The app in Production on a temp SQLite file, with the secrets Production requires unless a test removes one.</summary>
    private sealed class ProductionApp(Dictionary<string, string?> overrides) : WebApplicationFactory<Program>
    {
        private readonly string _path = Path.Combine(Path.GetTempPath(), $"hospital-auth-start-{Guid.NewGuid():N}.db");

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            var settings = new Dictionary<string, string?>
            {
                ["Storage:Provider"] = "Sqlite",
                ["Storage:ConnectionString"] = $"Data Source={_path}",
                ["Catalog:SeedDemoHospital"] = "false",
                ["Privacy:DataKey"] = HospitalTestHost.TestDataKey,
                ["Auth:SigningKey"] = "production-test-signing-key-0123456789abcdef",
                ["Payments:Sandbox:Secret"] = "production-test-sandbox-secret-0123456789abcdef",
                ["Silo:SiloPort"] = FreePort.Next().ToString(),
                ["Silo:GatewayPort"] = "0",
            };
            foreach (var (key, value) in overrides) settings[key] = value;
            foreach (var (key, value) in settings) builder.UseSetting(key, value);
        }

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(_path + suffix);
        }
    }
}
