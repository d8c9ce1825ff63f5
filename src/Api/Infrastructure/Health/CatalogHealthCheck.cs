using Hospital.Grains.Browsing;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Hospital.Api.Infrastructure.Health;

/// <summary>
/// Degraded while planning leaves bad catalog rows out. The node still serves everything else, so it stays ready (200);
/// the description tells operators where the rows are listed.
/// </summary>
internal sealed class CatalogHealthCheck(CatalogCache cache) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var skipped = cache.Current.Catalog.SkippedRows.Count;
        return Task.FromResult(skipped == 0
            ? HealthCheckResult.Healthy("Every catalog row is planned.")
            : HealthCheckResult.Degraded($"{skipped} catalog row(s) skipped by planning; GET /api/admin/catalog/skipped-rows lists them."));
    }
}
