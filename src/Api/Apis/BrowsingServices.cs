using Hospital.Api.Apis.Contracts;
using Hospital.Grains.Availability;
using Hospital.Grains.Browsing;
using Hospital.Grains.Catalog;

namespace Hospital.Api.Apis;

/// <summary>What browsing endpoints need, bundled for [AsParameters].</summary>
public sealed record BrowsingServices(CatalogCache Cache, AvailabilityBoard Board, HospitalTime HospitalTime, HospitalClock Time)
{
    public DateOnly Today => HospitalTime.DateOf(Time.GetUtcNow());

    /// <summary>A calendar entry with the session's live availability from the board.</summary>
    public CalendarSessionResponse Calendar(SessionDefinition session, CatalogSnapshot catalog)
    {
        var now = Time.GetUtcNow();
        // The planner publishes every session it puts in the cache, so the board always has it.
        var availability = (Board.Find(session.SessionId) ?? throw new InvalidOperationException($"No availability for {session.SessionId}.")).AsOf(now);
        return CalendarSessionResponse.From(session, catalog.FindDoctor(session.DoctorId), availability);
    }
}
