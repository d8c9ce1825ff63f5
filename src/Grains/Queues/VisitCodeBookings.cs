using Hospital.Grains.Browsing;
using Hospital.Grains.Catalog;
using Hospital.Grains.Patients;
using Hospital.Grains.Rules;
using Microsoft.Extensions.Options;

namespace Hospital.Grains.Queues;

/// <summary>
/// Finds the booking a kiosk checks in when the patient shows only their visit code. Codes are stored as hashes keyed with
/// their patient, so no index finds a code: the day's bookings not checked in yet are tested one by one (a keyed hash each,
/// microseconds; a day of a few thousand bookings costs milliseconds).
/// </summary>
public sealed class VisitCodeBookings(IVisitDayStore store, VisitCodes codes, CatalogCache catalog, IOptions<CheckInRulesOptions> rules,
    HospitalTime hospitalTime, HospitalClock clock)
{
    /// <summary>
    /// Today's booking of the patient whose code this is: the one whose check-in window is open; else the next to open; else
    /// one whose window has closed (so the check-in answers too early or too late). Null when the code is nobody's booking today.
    /// </summary>
    public async Task<BookedVisit?> FindTodayAsync(string visitCode, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var bookings = await store.FindBookingsWithVisitCodesAsync(hospitalTime.DateOf(now), cancellationToken);
        return bookings
            .Where(b => codes.Matches(b.CodeHash, b.PatientId, visitCode))
            .Select(b => (Booking: b, Starts: catalog.Current.FindSession(b.SessionId)?.FindSlot(b.SlotNo)?.StartsAt))
            .Where(b => b.Starts is not null)
            .OrderBy(b => CheckInWindow.Evaluate(b.Starts!.Value, now, rules.Value) switch
            {
                CheckInTiming.OnTime => 0,
                CheckInTiming.TooEarly => 1,
                _ => 2,
            })
            .ThenBy(b => b.Starts)
            .Select(b => b.Booking)
            .FirstOrDefault();
    }
}
