using Hospital.Grains.Abstractions.Booking;
using Hospital.Grains.SlotPools;

namespace Hospital.Grains.Patients;

/// <summary>Admins' lifts of patients' suspensions (table suspension_lifts): one audit row per lift; the latest one counts.</summary>
public interface ISuspensionLiftStore
{
    /// <summary>When the patient's suspension was last lifted, or null when never.</summary>
    Task<DateTimeOffset?> LastLiftedAtAsync(string patientId, CancellationToken cancellationToken = default);

    /// <summary>Stores the lift's audit row and the patient's notice in one transaction.</summary>
    Task AppendAsync(string patientId, SuspensionLift lift, NotificationRecord notice, CancellationToken cancellationToken = default);
}
