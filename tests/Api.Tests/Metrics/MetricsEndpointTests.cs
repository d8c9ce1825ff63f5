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

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        var name = instrument.Replace('.', '_') + "_total";
        Assert.Contains($"# TYPE {name} counter\n{name}{{outcome=\"ok\"}} 4\n", await response.Content.ReadAsStringAsync());
    }
}
