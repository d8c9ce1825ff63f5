using Hospital.Grains.Abstractions.Booking;
using Hospital.Grains.Abstractions.Errors;
using Hospital.Grains.Abstractions.Queues;
using Hospital.Grains.Rules;

namespace Hospital.Grains.SlotPools;

/// <summary>The visit day's decisions: check-in, the visit's transitions and the no-shows at the session's end.</summary>
public sealed partial class SlotPool
{
    public const string WrongDayCode = "checkin.wrong_day";
    public const string NotBookedCode = "checkin.not_booked";

    /// <summary>
    /// Checks a booking in when its slot's window is open on the session's own day. Checking in again changes nothing.
    /// After the window the booking becomes a no-show (the caller refuses the check-in after that is committed).
    /// </summary>
    public Decision<AppointmentView> CheckIn(string appointmentId, string actor, DateTimeOffset now, DateOnly today, CheckInRulesOptions rules)
    {
        var current = Get(appointmentId);
        if (current.Status is AppointmentStatus.CheckedIn or AppointmentStatus.NoShow) return Decision<AppointmentView>.Unchanged(View(current));
        if (current.Status != AppointmentStatus.Booked)
            throw new RuleConflictException(NotBookedCode, $"An appointment in status {current.Status} cannot be checked in.");
        if (Session.Date != today)
            throw new RuleConflictException(WrongDayCode, $"This appointment is on {Session.Date:yyyy-MM-dd}; check-in is open on that day only.");

        var slotStart = _slots[current.SlotNo].StartsAt;
        switch (CheckInWindow.Evaluate(slotStart, now, rules))
        {
            case CheckInTiming.TooEarly:
                throw new RuleConflictException(CheckInWindow.TooEarlyCode,
                    $"Check-in opens at {CheckInWindow.OpensAt(slotStart, rules).ToOffset(Session.OpensAt.Offset):HH:mm}.");
            case CheckInTiming.Late:
                var missed = current with { Status = AppointmentStatus.NoShow, UpdatedAt = now };
                return new(View(missed), Apply(current, missed, actor, "arrived after the check-in window"));
            default:
                // The check-in time is this transition's instant: the row's UpdatedAt while it stays CheckedIn (VisitRow.CheckedInAt).
                var checkedIn = current with { Status = AppointmentStatus.CheckedIn, UpdatedAt = now };
                return new(View(checkedIn), Apply(current, checkedIn, actor, "checked in"));
        }
    }

    /// <summary>A visit's move decided by the queue (start, complete, second missed call); repeating it changes nothing.</summary>
    public Decision<AppointmentView> AdvanceVisit(string appointmentId, AppointmentStatus to, string actor, string reason, DateTimeOffset now)
    {
        var current = Get(appointmentId);
        if (current.Status == to) return Decision<AppointmentView>.Unchanged(View(current));
        if (to is not (AppointmentStatus.InVisit or AppointmentStatus.Completed or AppointmentStatus.NoShow))
            throw new ArgumentOutOfRangeException(nameof(to), to, "Not a visit-day move.");
        var next = current with { Status = to, UpdatedAt = now };
        return new(View(next), Apply(current, next, actor, reason));
    }

    /// <summary>When the last slot's check-in window has closed and its time is over: nobody can check in any more.</summary>
    public DateTimeOffset SessionEndsAt(CheckInRulesOptions rules) =>
        Session.Slots.Max(s => s.EndsAt > CheckInWindow.ClosesAt(s.StartsAt, rules) ? s.EndsAt : CheckInWindow.ClosesAt(s.StartsAt, rules));

    /// <summary>After the session's end every booking that never checked in is a no-show.</summary>
    public Decision<int> MarkNoShows(DateTimeOffset now, CheckInRulesOptions rules)
    {
        if (now < SessionEndsAt(rules)) return Decision<int>.Unchanged(0);
        var absent = _appointments.Values.Where(a => a.Status == AppointmentStatus.Booked).ToList();
        if (absent.Count == 0) return Decision<int>.Unchanged(0);
        var changes = new PoolChanges();
        foreach (var booked in absent) Transition(changes, booked, booked with { Status = AppointmentStatus.NoShow, UpdatedAt = now }, "system", "never checked in");
        return new(absent.Count, changes);
    }

    /// <summary>The session's appointments that reached a visit-day status or may still reach one, by slot number.</summary>
    public IReadOnlyList<VisitRow> VisitRows() =>
        [.. _appointments.Values
            .Where(a => a.Status is AppointmentStatus.Booked or AppointmentStatus.CheckedIn or AppointmentStatus.InVisit
                or AppointmentStatus.Completed or AppointmentStatus.NoShow)
            .OrderBy(a => a.SlotNo)
            .Select(a => new VisitRow(a.Id, a.SlotNo, _slots[a.SlotNo].StartsAt, a.PatientId, a.Channel, a.Status,
                a.Status == AppointmentStatus.CheckedIn ? a.UpdatedAt : null))];
}
