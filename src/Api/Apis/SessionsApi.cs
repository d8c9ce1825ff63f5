using Hospital.Api.Apis.Contracts;
using Hospital.Api.Infrastructure.OpenApi;
using Orleans;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hospital.Api.Apis;

public static class SessionsApi
{
    public static IEndpointRouteBuilder MapSessionsApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/sessions").WithTags("Browsing")
            .MapGet("/{id}", GetSessionAsync).WithSummary("A session with its numbered slots, their times and whether each is free")
            .ProducesProblemCodes(StatusCodes.Status404NotFound, "session.not_found")
            .WithResponseExample(StatusCodes.Status200OK, BrowsingExamples.SessionWithSlots);
        return app;
    }

    // Slots come from the pool's memory (activating it if needed), so they are exact, not a cached count.
    public static async Task<Ok<SessionResponse>> GetSessionAsync(string id, [AsParameters] BrowsingServices services, IGrainFactory grains)
    {
        var catalog = services.Cache.Current;
        var session = catalog.Session(id);
        var slots = await grains.GetGrain<ISlotPoolGrain>(session.SessionId).GetSlotsAsync();
        return TypedResults.Ok(new SessionResponse(services.Calendar(session, catalog), slots));
    }
}
