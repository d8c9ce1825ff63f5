using Hospital.Grains.Abstractions.Booking;
using Hospital.Grains.Patients;

namespace Hospital.Grains.Rules;

/// <summary>
/// Whether a patient's own record suspends new bookings today: the monthly cancellation limit
/// (<see cref="CancellationSuspension"/>) or the yearly no-show ladder (<see cref="NoShowPenalty"/>). An admin's lift at
/// <c>liftedAt</c> forgives whatever happened before it; the no-shows it forgave still count on the year's ladder, so the
/// next one is suspended as the next step.
/// </summary>
public static class BookingSuspensions
{
    /// <summary>The suspension in force on <paramref name="today"/> that ends last, or null when the patient may book.</summary>
    public static Suspension? Current(
        IReadOnlyCollection<PatientAppointment> appointments, Func<DateTimeOffset, DateOnly> dateOf, DateOnly today, DateTimeOffset? liftedAt,
        CancellationRulesOptions cancellationRules, NoShowRulesOptions noShowRules)
    {
        var byCancellations = ForCancellations(appointments, dateOf, today, liftedAt, cancellationRules);
        var byNoShows = ForNoShows(appointments, today, liftedAt, noShowRules);
        return (byCancellations, byNoShows) switch
        {
            (null, var n) => n,
            (var c, null) => c,
            var (c, n) => n.Until > c.Until ? n : c,
        };
    }

    private static Suspension? ForCancellations(
        IEnumerable<PatientAppointment> appointments, Func<DateTimeOffset, DateOnly> dateOf, DateOnly today, DateTimeOffset? liftedAt, CancellationRulesOptions rules)
    {
        var count = appointments.Count(a => a.Status == AppointmentStatus.Cancelled && a.RescheduledFrom is null && !(a.UpdatedAt <= liftedAt)
            && dateOf(a.UpdatedAt) is var day && day.Year == today.Year && day.Month == today.Month);
        return CancellationSuspension.SuspendedUntil(count, today, rules) is { } until ? new Suspension(SuspensionCause.Cancellations, until, count) : null;
    }

    private static Suspension? ForNoShows(IEnumerable<PatientAppointment> appointments, DateOnly today, DateTimeOffset? liftedAt, NoShowRulesOptions rules) =>
        appointments.Where(a => a.Status == AppointmentStatus.NoShow)
            .GroupBy(a => a.VisitDate.Year)
            .SelectMany(year => year.OrderBy(a => a.VisitDate).ThenBy(a => a.UpdatedAt).Select((a, index) => (Missed: a, Number: index + 1)))
            .Where(n => !(n.Missed.UpdatedAt <= liftedAt))
            .Select(n => new Suspension(SuspensionCause.NoShows, NoShowPenalty.SuspendedUntil(n.Missed.VisitDate, n.Number, rules), n.Number))
            .Where(s => s.Until > today)
            .MaxBy(s => s.Until);
}
