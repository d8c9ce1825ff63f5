using Hospital.Grains.Browsing;
using Hospital.Grains.Catalog;
using Hospital.Silo.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hospital.Api.Apis;

/// <summary>What admin endpoints need, bundled for [AsParameters].</summary>
public sealed record AdminServices(ICatalogStore Store, CatalogCache Cache, CatalogPlanner Planner, CancellationToken Cancellation)
{
    /// <summary>Generates sessions for the changed catalog and refreshes the caches before answering.</summary>
    public async Task<NoContent> ReplanAsync()
    {
        await Planner.PlanAsync(Cancellation);
        return TypedResults.NoContent();
    }
}
