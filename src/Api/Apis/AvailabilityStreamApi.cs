using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using Hospital.Api.Infrastructure.OpenApi;
using Hospital.Grains.Availability;

namespace Hospital.Api.Apis;

/// <summary>Live availability as Server-Sent Events: the current state first, then each changed session at most every <see cref="PushInterval"/>.</summary>
public static class AvailabilityStreamApi
{
    /// <summary>Coalescing interval: a change is pushed within it, and a session is pushed at most once per interval.</summary>
    public static readonly TimeSpan PushInterval = TimeSpan.FromMilliseconds(80);

    public static IEndpointRouteBuilder MapAvailabilityStreamApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/stream/availability", StreamAvailability).WithTags("Browsing")
            .WithSummary("Server-Sent Events: a session's available count and state whenever it changes (coalesced)")
            .ProducesProblemCodes(StatusCodes.Status404NotFound, "department.not_found");
        return app;
    }

    public static IResult StreamAvailability(int? departmentId, [AsParameters] BrowsingServices services, HttpResponse response,
        CancellationToken cancellationToken)
    {
        if (departmentId is { } id) services.Cache.Current.Department(id);
        return TypedResults.ServerSentEvents(EventsAsync(departmentId, services, response, cancellationToken));
    }

    private static async IAsyncEnumerable<SseItem<SessionAvailability>> EventsAsync(int? departmentId, BrowsingServices services,
        HttpResponse response, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Subscribe before reading the snapshot, so no change falls between the two.
        using var subscription = services.Board.Subscribe(departmentId);
        var catalog = services.Cache.Current;
        var now = services.Time.GetUtcNow();
        var today = catalog.Catalog.Departments.Where(d => departmentId is null || d.Id == departmentId)
            .SelectMany(d => catalog.SessionsOfDepartment(d.Id, services.Today));
        foreach (var session in today)
        {
            if (services.Board.Find(session.SessionId) is { } current) yield return Item(current.AsOf(now));
        }
        // The headers go out with the first event; with nothing to send yet (a department with no sessions today) a client
        // would see no answer at all until the first change, and a proxy might time the request out. Send them now.
        await response.Body.FlushAsync(cancellationToken);
        await foreach (var changes in subscription.ReadAsync(PushInterval, services.Time, cancellationToken))
        {
            foreach (var change in changes) yield return Item(change);
        }
    }

    private static SseItem<SessionAvailability> Item(SessionAvailability availability) => new(availability, "availability");
}
