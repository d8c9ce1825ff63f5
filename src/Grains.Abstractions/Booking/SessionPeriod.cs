namespace Hospital.Grains.Abstractions.Booking;

/// <summary>Half-day block a doctor sees patients in (出诊时段); start and end times live in SessionPeriodTimes (Hospital.Grains.Catalog).</summary>
[GenerateSerializer, Alias("Hospital.SessionPeriod")]
public enum SessionPeriod
{
    Morning,
    Afternoon,
    Evening,
}
