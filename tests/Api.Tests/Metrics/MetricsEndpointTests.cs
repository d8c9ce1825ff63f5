using System.Diagnostics.Metrics;
using System.Net;

namespace Hospital.Api.Tests.Metrics;

public sealed class MetricsEndpointTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Metrics_ExposesHospitalMetersInPrometheusTextFormat()
    {
        using var meter = new Meter("Hospital.Test.Endpoint");
        var instrument = $"hospital.test.requests.{Guid.NewGuid():N}";
        var client = factory.CreateClient();
        meter.CreateCounter<long>(instrument).Add(4, new KeyValuePair<string, object?>("outcome", "ok"));

        var response = await client.GetAsync("/metrics");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.ToString());
        var name = instrument.Replace('.', '_') + "_total";
        Assert.Contains($"# TYPE {name} counter", text);
        Assert.Single(text.Split('\n'), line => line.StartsWith(name + "{") && line.Contains("outcome=\"ok\"") && line.EndsWith(" 4"));
    }

    [Fact]
    public async Task Metrics_ExposesOrleansAspNetCoresAndTheRuntimesMeters()
    {
        var client = factory.CreateClient();
        await client.GetAsync("/health/live");

        var text = await client.GetStringAsync("/metrics");

        Assert.Contains("http_server_request_duration_seconds_count{", text);
        Assert.Contains("# TYPE dotnet_gc_collections_total counter", text);
        Assert.Contains("# TYPE orleans_catalog_activations gauge", text);
    }
}
