using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using Hospital.Api.Apis.Access;
using Hospital.Api.Apis.Contracts;
using Hospital.Api.Infrastructure.Auth;
using Hospital.Api.Infrastructure.OpenApi;
using Hospital.Grains.Abstractions.Booking;
using Hospital.Grains.Abstractions.Queues;
using Hospital.Grains.Browsing;
using Hospital.Grains.Catalog;
using Hospital.Grains.Notices;
using Hospital.Grains.Queues;

namespace Hospital.Api.Apis;

/// <summary>
/// Live queues as Server-Sent Events, read from this node's <see cref="QueueBoard"/>, which the queue grains feed wherever
/// they live in the cluster (<see cref="QueueBoardRelay"/>): a waiting-room board per session (its room), and a patient's
/// own position. Coalesced: at most one event per <see cref="PushInterval"/>, each the latest state.
/// </summary>
public static class QueueStreamApi
{
    public static readonly TimeSpan PushInterval = TimeSpan.FromMilliseconds(250);

    public static IEndpointRouteBuilder MapQueueStreamApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/stream/queues/{sessionId}", StreamBoard).WithTags("Visit day")
            .WithSummary("Server-Sent Events for a waiting-room screen: the session's doctor and room, the patient called now and the next three, " +
                         "names masked (王*明); the current board first, then each change (coalesced). Each event (type board) is one QueueBoardResponse")
            .Produces<QueueBoardResponse>(StatusCodes.Status200OK, "text/event-stream")
            .ProducesProblemCodes(StatusCodes.Status404NotFound, "session.not_found")
            .WithResponseExample(StatusCodes.Status200OK, NoticeExamples.Board);
        app.MapGet("/api/stream/appointments/{id}/position", StreamPosition).WithTags("Visit day")
            .RequireAuthorization(HospitalPolicies.AppointmentUser).AddEndpointFilter<AppointmentAccessFilter>()
            .WithSummary("Server-Sent Events for a checked-in patient: how many are before them and the expected wait from the visits measured " +
                         "in that session (前面还有 N 位，预计 M 分钟), or that they are called; the current position first, then each change. Each " +
                         "event (type position) is one QueuePositionResponse")
            .Produces<QueuePositionResponse>(StatusCodes.Status200OK, "text/event-stream")
            .ProducesProblemCodes(StatusCodes.Status404NotFound, "appointment.not_found")
            .WithResponseExample(StatusCodes.Status200OK, NoticeExamples.Position);
        return app;
    }

    public static IResult StreamBoard(string sessionId, CatalogCache cache, QueueBoard board, QueueBoardRelay relay, HospitalClock time,
        HttpResponse response, CancellationToken cancellationToken)
    {
        var session = cache.Current.Session(sessionId);
        var doctor = cache.Current.FindDoctor(session.DoctorId)?.Name ?? "";
        return TypedResults.ServerSentEvents(Board(EventsAsync(sessionId, board, relay, time, response, cancellationToken),
            s => new QueueBoardResponse(s.SessionId, doctor, session.Room, s.Calling, s.Next)));
    }

    public static IResult StreamPosition(string id, QueueBoard board, QueueBoardRelay relay, HospitalClock time, HttpResponse response,
        CancellationToken cancellationToken)
    {
        AppointmentKey.TryGetSessionId(id, out var sessionId); // the access filter found the appointment, so its id names its session
        return TypedResults.ServerSentEvents(Position(EventsAsync(sessionId!, board, relay, time, response, cancellationToken), id));
    }

    private static async IAsyncEnumerable<SseItem<QueueBoardResponse>> Board(IAsyncEnumerable<QueueBoardSnapshot> snapshots, Func<QueueBoardSnapshot, QueueBoardResponse> show)
    {
        await foreach (var snapshot in snapshots) yield return new(show(snapshot), "board");
    }

    private static async IAsyncEnumerable<SseItem<QueuePositionResponse>> Position(IAsyncEnumerable<QueueBoardSnapshot> snapshots, string appointmentId)
    {
        QueuePositionResponse? last = null;
        await foreach (var snapshot in snapshots)
        {
            var called = snapshot.CallingId == appointmentId;
            var ahead = called ? 0 : snapshot.AheadOf(appointmentId);
            int? minutes = ahead is { } n && snapshot.MinutesPerVisit is { } perVisit ? (int)Math.Ceiling(n * perVisit) : null;
            var position = new QueuePositionResponse(appointmentId, called, ahead, minutes,
                ahead is { } before ? PatientNotices.QueuePosition(called, before, minutes) : PatientNotices.NotInQueue());
            if (position == last) continue; // a change elsewhere in the queue that does not move this patient
            last = position;
            yield return new(position, "position");
        }
    }

    private static async IAsyncEnumerable<QueueBoardSnapshot> EventsAsync(string sessionId, QueueBoard board, QueueBoardRelay relay, HospitalClock time,
        HttpResponse response, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var subscription = board.Subscribe(sessionId);
        // The node's first listener of a session starts the node's watch of its queue (waking it if it sleeps, wherever it
        // lives), which sends the current board; later listeners read the board, and the node renews the watch.
        if (subscription.FirstOnNode) await relay.WatchAsync(sessionId);
        await response.Body.FlushAsync(cancellationToken);
        await foreach (var snapshot in subscription.ReadAsync(PushInterval, time, cancellationToken)) yield return snapshot;
    }
}
