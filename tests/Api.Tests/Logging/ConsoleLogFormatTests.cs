using Hospital.Api.Tests.Hospital;
using Hospital.TestSupport.Hospital;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace Hospital.Api.Tests.Logging;

/// <summary>A person at a terminal reads Development's logs, one plain line per event; every other environment writes JSON for machines.</summary>
public sealed class ConsoleLogFormatTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public void Development_WritesOnePlainTextLinePerEvent()
    {
        var console = factory.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue;
        var simple = factory.Services.GetRequiredService<IOptionsMonitor<SimpleConsoleFormatterOptions>>().CurrentValue;

        Assert.Equal((ConsoleFormatterNames.Simple, true), (console.FormatterName, simple.SingleLine));
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public void AnyOtherEnvironment_WritesJson(string environment)
    {
        using var app = factory.WithWebHostBuilder(builder => builder.UseEnvironment(environment)
            .UseSetting("Auth:SigningKey", HospitalApiFactory.SigningKey)
            .UseSetting("Payments:Sandbox:Secret", HospitalApiFactory.SandboxSecret).UseSetting("Privacy:DataKey", HospitalTestSettings.TestDataKey));

        Assert.Equal(ConsoleFormatterNames.Json, app.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue.FormatterName);
    }
}
