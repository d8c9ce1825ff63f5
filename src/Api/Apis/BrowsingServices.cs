using Hospital.Api.Apis.Contracts;
using Hospital.Grains.Availability;
using Hospital.Grains.Browsing;
using Hospital.Grains.Catalog;

namespace Hospital.Api.Apis;

/// <summary>What browsing endpoints need, bundled for [AsParameters].</summary>
public sealed record BrowsingServices(CatalogCache Cache, AvailabilityBoard Board, HospitalTime HospitalTime, HospitalClock Time)
{
    public DateOnly Today => HospitalTime.DateOf(Time.GetUtcNow());

    /// <summary>The session's availability as the board last published it, before the clock's say (<see cref="SessionStates.AsOf"/>).</summary>
    public SessionAvailability Published(SessionDefinition session) =>
        // The planner publishes every session it puts in the cache, so the board always has it.
        Board.Find(session.SessionId) ?? throw new InvalidOperationException($"No availability for {session.SessionId}.");

    /// <summary>A calendar entry with the session's live availability from the board.</summary>
    public CalendarSessionResponse Calendar(SessionDefinition session, CatalogSnapshot catalog) =>
        Calendar(session, catalog, Published(session), Time.GetUtcNow());

    /// <summary>A calendar entry with <paramref name="published"/> availability as of <paramref name="now"/>.</summary>
    public static CalendarSessionResponse Calendar(SessionDefinition session, CatalogSnapshot catalog, SessionAvailability published, DateTimeOffset now) =>
        CalendarSessionResponse.From(session, catalog.FindDoctor(session.DoctorId), published.AsOf(now));
}
