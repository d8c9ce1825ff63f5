using Hospital.Grains.Abstractions.Waitlists;

namespace Hospital.Grains.Waitlists;

/// <summary>A patient's waitlist places across sessions, read from the rows the pools' group commits wrote.</summary>
public interface IWaitlistStore
{
    /// <summary>
    /// The patient's places still waiting or offered for sessions on <paramref name="from"/> or later (a place on a past session
    /// waits for nothing), soonest visit first, each waiting one with its position.
    /// </summary>
    Task<IReadOnlyList<WaitlistEntryView>> ListCurrentAsync(string patientId, DateOnly from, CancellationToken cancellationToken = default);
}
