namespace Hospital.Api.Infrastructure.Metrics;

public static class PrometheusMetricsExtensions
{
    /// <summary>Registers the exporter that aggregates every <c>Hospital.*</c> meter.</summary>
    public static IHostApplicationBuilder AddPrometheusMetrics(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<PrometheusTextExporter>(_ => new PrometheusTextExporter());
        return builder;
    }

    /// <summary>
    /// <c>GET /metrics</c> in Prometheus text format. Resolving the exporter here, at start-up,
    /// starts its listener before the first request instead of at the first scrape.
    /// </summary>
    public static IEndpointRouteBuilder MapPrometheusMetrics(this IEndpointRouteBuilder endpoints)
    {
        var exporter = endpoints.ServiceProvider.GetRequiredService<PrometheusTextExporter>();
        endpoints.MapGet("/metrics", () => TypedResults.Text(exporter.Export(), PrometheusTextExporter.ContentType))
            .ExcludeFromDescription();
        return endpoints;
    }
}
