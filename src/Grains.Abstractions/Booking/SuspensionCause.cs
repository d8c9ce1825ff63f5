namespace Hospital.Grains.Abstractions.Booking;

/// <summary>What suspended a patient's new bookings: too many cancellations this month, or missed visits this year.</summary>
[GenerateSerializer, Alias("Hospital.SuspensionCause")]
public enum SuspensionCause
{
    Cancellations,
    NoShows,
}
