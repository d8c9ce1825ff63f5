namespace Hospital.Grains.Catalog;

/// <summary>Settings for <see cref="SessionGenerator"/>: period hours and the hospital's time zone (China Standard Time by default).</summary>
public sealed class SessionGeneratorOptions
{
    public SessionPeriodTimes Periods { get; set; } = new();

    public HospitalTime Time { get; set; } = HospitalTime.China;
}
