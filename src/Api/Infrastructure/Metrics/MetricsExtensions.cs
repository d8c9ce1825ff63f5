using Microsoft.AspNetCore.Routing;
using OpenTelemetry.Metrics;

namespace Hospital.Api.Infrastructure.Metrics;

public static class MetricsExtensions
{
    /// <summary>Every meter of ours (<c>Hospital.*</c>), Orleans', ASP.NET Core's and the .NET runtime's, exported through OpenTelemetry.</summary>
    public static IHostApplicationBuilder AddMetrics(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter("Hospital.*", "Microsoft.Orleans")
            .AddAspNetCoreInstrumentation()
            .AddRuntimeInstrumentation()
            // Scrapes come every few seconds at most; a cached answer would hide what the last seconds recorded.
            .AddPrometheusExporter(exporter => exporter.ScrapeResponseCacheDurationMilliseconds = 0));
        return builder;
    }

    /// <summary><c>GET /metrics</c> in Prometheus text format, for scrapers; not part of the API's documentation.</summary>
    public static IEndpointRouteBuilder MapMetrics(this IEndpointRouteBuilder endpoints)
    {
        // The exporter maps every method; a scrape is a GET, anything else is answered 405 like any other endpoint.
        endpoints.MapPrometheusScrapingEndpoint("/metrics").WithMetadata(new HttpMethodMetadata(["GET"])).ExcludeFromDescription();
        return endpoints;
    }
}
