namespace Hospital.Grains.Abstractions.Booking;

/// <summary>
/// Where an appointment is in its life. Allowed moves are in
/// AppointmentLifecycle (Hospital.Grains.Rules); FHIR codes in AppointmentStatusFhir.
/// </summary>
[GenerateSerializer, Alias("Hospital.AppointmentStatus")]
public enum AppointmentStatus
{
    /// <summary>Slot locked for 15 minutes while the patient pays.</summary>
    Held,

    /// <summary>Paid; the patient has an e-ticket.</summary>
    Booked,

    /// <summary>The patient checked in (报到) and waits to be called.</summary>
    CheckedIn,

    /// <summary>Called in; the doctor is seeing the patient.</summary>
    InVisit,

    /// <summary>The visit ended.</summary>
    Completed,

    /// <summary>Booked but not checked in before the check-in window closed.</summary>
    NoShow,

    /// <summary>The hold ran out unpaid; the slot returned to the pool.</summary>
    Expired,

    /// <summary>The patient gave up the hold before paying.</summary>
    Abandoned,

    /// <summary>The patient cancelled a paid booking (refund by fee tier).</summary>
    Cancelled,

    /// <summary>Replaced by a booking on another slot; the old slot returned to the pool.</summary>
    Rescheduled,

    /// <summary>The hospital cancelled (doctor stop): full refund, patient told.</summary>
    CancelledByHospital,
}
