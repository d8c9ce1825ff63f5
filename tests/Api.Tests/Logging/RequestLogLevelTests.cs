using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Hospital.Api.Tests.Logging;

/// <summary>Requests are logged at Debug: at the release peak a line per request at Information would drown the lines that matter.</summary>
public sealed class RequestLogLevelTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task APlainRequest_WritesNothingAtInformation_AndOneDebugLine()
    {
        var logs = new CapturedLogs();
        using var client = factory.WithWebHostBuilder(builder => builder.ConfigureLogging(logging => logging.AddProvider(logs))).CreateClient();
        (await client.GetAsync("/api/departments")).EnsureSuccessStatusCode();
        logs.Entries.Clear();

        (await client.GetAsync("/api/departments")).EnsureSuccessStatusCode();

        Assert.Empty(logs.Entries.Where(entry => entry.Level >= LogLevel.Information).Select(entry => $"{entry.Category}: {entry.Message}"));
        Assert.Single(logs.Entries, entry => entry.Level == LogLevel.Debug && entry.Message.StartsWith("HTTP GET /api/departments answered 200", StringComparison.Ordinal));
    }
}
