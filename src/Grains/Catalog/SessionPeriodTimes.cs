namespace Hospital.Grains.Catalog;

/// <summary>
/// Wall-clock hours of each <see cref="SessionPeriod"/>. Defaults: morning 08:00–12:00, afternoon 13:30–17:30,
/// evening (夜间门诊) 18:00–21:00. The first slot starts at the period's start; all slots end by its end.
/// </summary>
public sealed class SessionPeriodTimes
{
    public TimeOnly MorningStart { get; set; } = new(8, 0);
    public TimeOnly MorningEnd { get; set; } = new(12, 0);
    public TimeOnly AfternoonStart { get; set; } = new(13, 30);
    public TimeOnly AfternoonEnd { get; set; } = new(17, 30);
    public TimeOnly EveningStart { get; set; } = new(18, 0);
    public TimeOnly EveningEnd { get; set; } = new(21, 0);

    /// <summary>Start of a period.</summary>
    public TimeOnly StartOf(SessionPeriod period) => period switch
    {
        SessionPeriod.Morning => MorningStart,
        SessionPeriod.Afternoon => AfternoonStart,
        SessionPeriod.Evening => EveningStart,
        _ => throw new ArgumentOutOfRangeException(nameof(period), period, "Unknown session period."),
    };

    /// <summary>End of a period.</summary>
    public TimeOnly EndOf(SessionPeriod period) => period switch
    {
        SessionPeriod.Morning => MorningEnd,
        SessionPeriod.Afternoon => AfternoonEnd,
        SessionPeriod.Evening => EveningEnd,
        _ => throw new ArgumentOutOfRangeException(nameof(period), period, "Unknown session period."),
    };

    /// <summary>Whole minutes of a period.</summary>
    public int MinutesOf(SessionPeriod period) => (int)(EndOf(period) - StartOf(period)).TotalMinutes;

    /// <summary>Throws unless every period starts before it ends.</summary>
    public void Validate()
    {
        foreach (var period in Enum.GetValues<SessionPeriod>())
        {
            if (StartOf(period) >= EndOf(period))
                throw new InvalidOperationException($"The {period} period must start before it ends.");
        }
    }
}
