namespace Hospital.Grains.Rules;

/// <summary>Check-in window evaluation for a slot (see <see cref="CheckInRulesOptions"/>).</summary>
public static class CheckInWindow
{
    public const string TooEarlyCode = "checkin.too_early";
    public const string TooLateCode = "checkin.too_late";

    /// <summary>Whether checking in at <paramref name="now"/> for a slot starting at <paramref name="slotStart"/> is too early, on time or late.</summary>
    public static CheckInTiming Evaluate(DateTimeOffset slotStart, DateTimeOffset now, CheckInRulesOptions options)
    {
        if (now < OpensAt(slotStart, options)) return CheckInTiming.TooEarly;
        return now <= ClosesAt(slotStart, options) ? CheckInTiming.OnTime : CheckInTiming.Late;
    }

    /// <summary>First instant check-in is accepted.</summary>
    public static DateTimeOffset OpensAt(DateTimeOffset slotStart, CheckInRulesOptions options) => slotStart - options.OpensBefore;

    /// <summary>Last instant check-in is accepted; after it the appointment becomes a no-show.</summary>
    public static DateTimeOffset ClosesAt(DateTimeOffset slotStart, CheckInRulesOptions options) => slotStart + options.ClosesAfter;
}
