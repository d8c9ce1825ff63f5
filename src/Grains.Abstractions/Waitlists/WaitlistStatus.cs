namespace Hospital.Grains.Abstractions.Waitlists;

/// <summary>Where a place on a session's waitlist (候补) stands. Only <see cref="Waiting"/> counts against the patient's limit.</summary>
[GenerateSerializer, Alias("Hospital.WaitlistStatus")]
public enum WaitlistStatus
{
    /// <summary>In the queue for the next slot that comes back.</summary>
    Waiting,

    /// <summary>A returned slot was held for the patient to pay (the entry's id is the hold's appointment id).</summary>
    Offered,

    /// <summary>The patient left the queue.</summary>
    Left,

    /// <summary>Passed over: the patient could not take the slot (a limit, or already booked in the session).</summary>
    Skipped,

    /// <summary>The offer was not paid in time; the slot went to the next patient.</summary>
    Lapsed,

    /// <summary>The session was stopped or has started: nothing more comes back.</summary>
    Closed,
}
