using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Hospital.Api.Infrastructure.Health;

public static class HealthEndpointsExtensions
{
    private const string ReadyTag = "ready";

    /// <summary>Registers the readiness checks (database reachable, catalog fully planned).</summary>
    public static IHostApplicationBuilder AddHealthEndpoints(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [ReadyTag], timeout: TimeSpan.FromSeconds(5))
            .AddCheck<CatalogHealthCheck>("catalog", tags: [ReadyTag]);
        return builder;
    }

    /// <summary>
    /// <c>/health/live</c>: the process answers (runs no checks). <c>/health/ready</c>: the database answers (503 if not),
    /// and the catalog's status (Degraded, still 200, while planning skips bad rows).
    /// </summary>
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions
        {
            Predicate = _ => false,
            ResponseWriter = HealthResponseWriter.WriteAsync,
        });
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = registration => registration.Tags.Contains(ReadyTag),
            ResponseWriter = HealthResponseWriter.WriteAsync,
        });
        return endpoints;
    }
}
