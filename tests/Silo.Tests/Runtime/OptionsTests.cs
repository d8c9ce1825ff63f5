using Hospital.Silo.Hosting;
using Hospital.Silo.Runtime.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Hospital.Silo.Tests.Runtime;

public sealed class OptionsTests
{
    [Fact]
    public async Task WithoutConfiguration_OptionsHaveTheDocumentedDefaults()
    {
        await using var host = await RuntimeHost.StartAsync();

        var options = host.Services.GetRequiredService<IOptions<SiloRuntimeOptions>>().Value;

        Assert.Equal(TimeSpan.FromMinutes(15), options.IdleCollectionAge);
        Assert.Equal(TimeSpan.FromMinutes(1), options.CollectionCheckPeriod);
        Assert.Equal(10_000, options.MailboxCapacity);
        Assert.Equal(TimeSpan.FromSeconds(30), options.CallTimeout);
        Assert.Equal(TimeSpan.FromSeconds(30), options.ActivationTimeout);
        Assert.Equal(TimeSpan.FromSeconds(30), options.DeactivationTimeout);
        Assert.Equal(TimeSpan.FromSeconds(1), options.LongTurnWarningThreshold);
        Assert.Equal(TimeSpan.FromSeconds(1), options.OverloadRetryAfter);
    }

    [Fact]
    public async Task OptionsAreBoundFromTheSiloRuntimeSection()
    {
        await using var host = await RuntimeHost.StartAsync(new()
        {
            ["Silo:Runtime:IdleCollectionAge"] = "00:05:00",
            ["Silo:Runtime:MailboxCapacity"] = "250",
        });

        var options = host.Services.GetRequiredService<IOptions<SiloRuntimeOptions>>().Value;

        Assert.Equal(TimeSpan.FromMinutes(5), options.IdleCollectionAge);
        Assert.Equal(250, options.MailboxCapacity);
    }

    [Fact]
    public async Task InvalidOptions_FailTheHostAtStart()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Silo:Runtime:MailboxCapacity"] = "0",
            ["Silo:Runtime:CallTimeout"] = "00:00:00",
        });
        builder.Services.AddSiloRuntime(builder.Configuration);
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync().WaitAsync(RuntimeHost.Patience));

        Assert.Contains(error.Failures, failure => failure.Contains(nameof(SiloRuntimeOptions.MailboxCapacity)));
        Assert.Contains(error.Failures, failure => failure.Contains(nameof(SiloRuntimeOptions.CallTimeout)));
    }
}
