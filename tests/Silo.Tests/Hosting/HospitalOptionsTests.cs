using Hospital.Silo.Hosting;
using Hospital.TestSupport.Hospital;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Hospital.Silo.Tests.Hosting;

/// <summary>The hospital's options refuse values that would break the host later, at start instead.</summary>
public sealed class HospitalOptionsTests
{
    [Fact]
    public async Task Start_WithTheDefaults_Succeeds()
    {
        using var host = Build(null, null);

        await host.StartAsync();
        await host.StopAsync();
    }

    [Theory]
    [InlineData("Catalog:PlanningPeriod", "00:00:00")]
    [InlineData("Catalog:PlanningDays", "29")]
    [InlineData("SlotPools:ExpiryCheckPeriod", "-00:00:01")]
    [InlineData("Rules:Booking:MaxNewBookingsPerAccountPerDay", "0")]
    [InlineData("Privacy:DataKey", "too-short")]
    [InlineData("Tickets:CurrentKeyId", "5")]
    [InlineData("Tickets:SigningKeys:1", "too-short")]
    public async Task Start_WithAnInvalidSetting_Fails(string key, string value)
    {
        using var host = Build(key, value);

        await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
    }

    private static IHost Build(string? key, string? value)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = $"Data Source={Path.Combine(Path.GetTempPath(), $"options-{Guid.NewGuid():N}.db")}",
            ["Privacy:DataKey"] = HospitalTestHost.TestDataKey,
            ["Catalog:SeedDemoHospital"] = "false",
        });
        if (key is not null) builder.Configuration.AddInMemoryCollection([new(key, value)]);
        builder.AddSilo();
        return builder.Build();
    }
}
