using Hospital.Grains.Abstractions.Booking;
using Hospital.Grains.Catalog;
using Hospital.Grains.Patients;
using Hospital.Grains.Rules;
using Microsoft.Extensions.Options;

namespace Hospital.Silo.Notifications;

/// <summary>A patient's suspension as the patient grain decides it (<see cref="BookingSuspensions"/>), read from the stored record.</summary>
public sealed class SuspensionLookup(
    IPatientStore patients,
    ISuspensionLiftStore lifts,
    HospitalTime hospitalTime,
    IOptions<CancellationRulesOptions> cancellationRules,
    IOptions<NoShowRulesOptions> noShowRules)
{
    /// <summary>The suspension in force on <paramref name="today"/> and when it was last lifted.</summary>
    public async Task<(Suspension? Suspension, DateTimeOffset? LiftedAt)> CurrentAsync(string patientId, DateOnly today, CancellationToken cancellationToken)
    {
        var record = await patients.LoadAppointmentsAsync(patientId, cancellationToken);
        var liftedAt = await lifts.LastLiftedAtAsync(patientId, cancellationToken);
        return (BookingSuspensions.Current(record, hospitalTime.DateOf, today, liftedAt, cancellationRules.Value, noShowRules.Value), liftedAt);
    }
}
