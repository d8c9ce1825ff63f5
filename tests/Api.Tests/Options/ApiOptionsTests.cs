using Hospital.Api.Infrastructure.Options;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Hospital.Api.Tests.Options;

/// <summary>
/// Starts a host with the app's own appsettings files and <see cref="ApiOptionsExtensions.AddApiOptions"/>.
/// A plain host rather than WebApplicationFactory: the factory races with a host that fails to start
/// and then reports ObjectDisposedException instead of the validation failure.
/// </summary>
public sealed class ApiOptionsTests
{
    [Theory]
    [InlineData("Api:TimeoutRetryAfterSeconds", "0")]
    [InlineData("Api:MaxRequestBodyBytes", "10")]
    public async Task Start_WithInvalidApiOptions_Fails(string key, string value)
    {
        var failure = await Record.ExceptionAsync(() => StartAsync(Environments.Development, new() { [key] = value }));

        var validation = Assert.IsType<OptionsValidationException>(failure);
        Assert.Equal(typeof(ApiOptions), validation.OptionsType);
    }

    [Fact]
    public async Task Start_OutsideDevelopmentWithDefaults_Succeeds()
    {
        await StartAsync(Environments.Production, []);
    }

    private static async Task StartAsync(string environment, Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            EnvironmentName = environment,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddApiOptions();
        using var host = builder.Build();
        await host.StartAsync();
        await host.StopAsync();
    }
}
