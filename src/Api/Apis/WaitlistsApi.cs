using System.Security.Claims;
using Hospital.Api.Apis.Access;
using Hospital.Api.Apis.Contracts;
using Hospital.Api.Infrastructure.Auth;
using Hospital.Api.Infrastructure.OpenApi;
using Hospital.Grains.Abstractions.Accounts;
using Hospital.Grains.Abstractions.Waitlists;
using Hospital.Grains.Browsing;
using Hospital.Grains.Waitlists;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hospital.Api.Apis;

/// <summary>
/// Waitlists (候补) of sold-out sessions, for an account's patients (the group's policy, then <see cref="AccountPatientFilter"/>:
/// another account's patient answers 404). A slot that comes back goes to the first waiting patient as a hold to pay.
/// </summary>
public static class WaitlistsApi
{
    public static IEndpointRouteBuilder MapWaitlistsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/patients/{id}/waitlists").WithTags("Waitlists")
            .RequireAuthorization(HospitalPolicies.Patient).AddEndpointFilter<AccountPatientFilter>();
        api.MapPost("/", JoinAsync)
            .WithSummary("Wait for a slot of a sold-out session: when one comes back (a cancellation, an unpaid hold, a reschedule) it is held " +
                         "for the first waiting patient for the usual 15 minutes to pay (a notification says so), then passes to the next. " +
                         "Only a sold-out session has a waitlist (409 waitlist.slots_free: book instead); a patient waits for at most 3 " +
                         "sessions at once, never on a day they already have a booking in the department. Joining again answers the same place")
            .ProducesValidationProblem()
            .ProducesProblemCodes(StatusCodes.Status404NotFound, "patient.not_found", "session.not_found")
            .ProducesProblemCodes(StatusCodes.Status409Conflict, "waitlist.slots_free", "patient.waitlist_limit", "patient.already_booked",
                "patient.suspended", "patient.frozen", "account.frozen", "session.not_released", "session.stopped", "session.closed")
            .WithRequestExample(WaitlistExamples.Join)
            .WithResponseExample(StatusCodes.Status201Created, WaitlistExamples.Waiting)
            .WithResponseExample(StatusCodes.Status409Conflict, WaitlistExamples.SlotsFreeProblem);
        api.MapGet("/", ListAsync)
            .WithSummary("The patient's current waitlist places (sessions from today on), soonest visit first: those waiting with their position (1 is served next) " +
                         "and those offered a slot (the hold is the appointment with the place's id)")
            .ProducesProblemCodes(StatusCodes.Status404NotFound, "patient.not_found")
            .WithResponseExample(StatusCodes.Status200OK, WaitlistExamples.Current);
        api.MapGet("/{sessionId}", GetPlaceAsync)
            .WithSummary("The patient's place on a session's waitlist: the position while waiting, else how it ended " +
                         "(Offered, Left, Skipped, Lapsed, Closed)")
            .ProducesProblemCodes(StatusCodes.Status404NotFound, "patient.not_found", "session.not_found", "waitlist.not_found")
            .WithResponseExample(StatusCodes.Status200OK, WaitlistExamples.Waiting);
        api.MapDelete("/{sessionId}", LeaveAsync)
            .WithSummary("Leave a session's waitlist; a slot already offered stays a hold, to pay or cancel like any other")
            .ProducesProblemCodes(StatusCodes.Status404NotFound, "patient.not_found", "session.not_found", "waitlist.not_found")
            .WithResponseExample(StatusCodes.Status200OK, WaitlistExamples.Left);
        return app;
    }

    public static async Task<Created<WaitlistEntryView>> JoinAsync(
        string id, JoinWaitlistRequest request, ClaimsPrincipal user, CatalogCache cache, IGrainFactory grains)
    {
        var session = cache.Current.Session(RequiredInput.Text(request.SessionId, "sessionId"));
        var place = await grains.GetGrain<IAccountGrain>(user.Subject()).JoinWaitlistAsync(id, session.SessionId, session.DepartmentId);
        return TypedResults.Created($"/api/patients/{id}/waitlists/{session.SessionId}", place);
    }

    public static async Task<Ok<IReadOnlyList<WaitlistEntryView>>> ListAsync(
        string id, [AsParameters] BrowsingServices browsing, IWaitlistStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(await store.ListCurrentAsync(id, browsing.Today, cancellationToken));

    public static async Task<Ok<WaitlistEntryView>> GetPlaceAsync(string id, string sessionId, CatalogCache cache, IGrainFactory grains) =>
        TypedResults.Ok(await PoolOf(sessionId, cache, grains).GetWaitlistPlaceAsync(id));

    public static async Task<Ok<WaitlistEntryView>> LeaveAsync(string id, string sessionId, CatalogCache cache, IGrainFactory grains) =>
        TypedResults.Ok(await PoolOf(sessionId, cache, grains).LeaveWaitlistAsync(id));

    /// <summary>The session's pool, once the catalog knows the session (an unknown id answers 404 session.not_found).</summary>
    private static ISlotPoolGrain PoolOf(string sessionId, CatalogCache cache, IGrainFactory grains) =>
        grains.GetGrain<ISlotPoolGrain>(cache.Current.Session(sessionId).SessionId);
}
