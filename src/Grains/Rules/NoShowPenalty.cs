namespace Hospital.Grains.Rules;

/// <summary>How long a no-show suspends new bookings (see <see cref="NoShowRulesOptions"/>).</summary>
public static class NoShowPenalty
{
    /// <summary>Suspension days for the <paramref name="noShowNumberInYear"/>-th no-show (1-based) of a calendar year.</summary>
    public static int SuspensionDays(int noShowNumberInYear, NoShowRulesOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(noShowNumberInYear);
        return noShowNumberInYear switch
        {
            1 => options.FirstSuspensionDays,
            2 => options.SecondSuspensionDays,
            _ => options.LaterSuspensionDays,
        };
    }

    /// <summary>
    /// First date new bookings are allowed again after the <paramref name="noShowNumberInYear"/>-th no-show of the year
    /// happened on <paramref name="noShowDate"/>: the suspension counts whole days from the no-show date.
    /// </summary>
    public static DateOnly SuspendedUntil(DateOnly noShowDate, int noShowNumberInYear, NoShowRulesOptions options) =>
        noShowDate.AddDays(SuspensionDays(noShowNumberInYear, options));
}
