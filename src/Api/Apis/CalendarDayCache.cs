using System.Collections.Concurrent;
using System.Text.Json;
using Hospital.Api.Apis.Contracts;
using Hospital.Grains.Browsing;
using Hospital.Grains.Catalog;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Hospital.Api.Apis;

/// <summary>
/// Department day calendars, serialized once and served until something they show changes. A day is read far more often
/// than its sessions change, and serializing it was most of what a calendar request cost beyond Kestrel's own work
/// (docs/performance.md, "Browsing under load"). Every request checks its entry against the board, the catalog snapshot
/// and the clock (<see cref="CachedCalendarDay.ShowsPresent"/>), so an answer is as fresh as one built for it.
/// Thread-safe: entries are immutable; two requests may rebuild one day at once, and both results are current.
/// </summary>
public sealed class CalendarDayCache(IOptions<JsonOptions> jsonOptions)
{
    private Generation _generation = new(CatalogSnapshot.Empty);

    /// <summary>The day's calendar as UTF-8 JSON, from the cache when it still shows the present.</summary>
    public byte[] Get(CatalogSnapshot catalog, int departmentId, DateOnly day, BrowsingServices services)
    {
        // A new snapshot starts a new generation, dropping the days that left the booking window.
        var generation = Volatile.Read(ref _generation);
        if (!ReferenceEquals(generation.Catalog, catalog)) Volatile.Write(ref _generation, generation = new Generation(catalog));
        var key = (departmentId, day);
        if (generation.Days.TryGetValue(key, out var cached) && cached.ShowsPresent(services.Board, services.Time.GetUtcNow())) return cached.Utf8Json;
        var sessions = catalog.SessionsOfDepartment(departmentId, day).ToArray();
        var built = Build(catalog, day, sessions, services);
        // Only days with sessions are kept: they lie in the booking window, so the cache stays as small as the catalog
        // whatever dates clients ask for.
        if (sessions.Length > 0) generation.Days[key] = built;
        return built.Utf8Json;
    }

    private CachedCalendarDay Build(CatalogSnapshot catalog, DateOnly day, SessionDefinition[] sessions, BrowsingServices services)
    {
        var now = services.Time.GetUtcNow();
        var published = Array.ConvertAll(sessions, services.Published);
        var response = new CalendarDayResponse(day, sessions.Select((session, i) => BrowsingServices.Calendar(session, catalog, published[i], now)).ToList());
        // A session shown as not released yet opens at its release time without a new record on the board.
        var validUntil = published.Select(p => p.OpensAt).Where(opensAt => opensAt > now).DefaultIfEmpty(DateTimeOffset.MaxValue).Min();
        return new CachedCalendarDay(JsonSerializer.SerializeToUtf8Bytes(response, jsonOptions.Value.SerializerOptions), published, now, validUntil);
    }

    /// <summary>The days cached for one catalog snapshot.</summary>
    private sealed record Generation(CatalogSnapshot Catalog)
    {
        public ConcurrentDictionary<(int DepartmentId, DateOnly Day), CachedCalendarDay> Days { get; } = new();
    }
}
