namespace Hospital.Grains.Queues;

/// <summary>Visit-day queries across sessions, for the no-show sweep.</summary>
public interface IVisitDayStore
{
    /// <summary>Sessions on or before <paramref name="lastDate"/> that still have bookings nobody checked in.</summary>
    Task<IReadOnlyList<string>> FindSessionsWithUncheckedBookingsAsync(DateOnly lastDate, CancellationToken cancellationToken = default);

    /// <summary>The bookings of <paramref name="date"/> not checked in yet whose patients have a visit code, with the code's stored hash.</summary>
    Task<IReadOnlyList<BookedVisit>> FindBookingsWithVisitCodesAsync(DateOnly date, CancellationToken cancellationToken = default);
}
