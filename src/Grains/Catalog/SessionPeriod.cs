namespace Hospital.Grains.Catalog;

/// <summary>Half-day block a doctor sees patients in (出诊时段); start and end times live in <see cref="SessionPeriodTimes"/>.</summary>
public enum SessionPeriod
{
    Morning,
    Afternoon,
    Evening,
}
