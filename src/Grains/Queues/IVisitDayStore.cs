namespace Hospital.Grains.Queues;

/// <summary>Visit-day queries across sessions, for the no-show sweep.</summary>
public interface IVisitDayStore
{
    /// <summary>Sessions on or before <paramref name="lastDate"/> that still have bookings nobody checked in.</summary>
    Task<IReadOnlyList<string>> FindSessionsWithUncheckedBookingsAsync(DateOnly lastDate, CancellationToken cancellationToken = default);
}
