namespace Hospital.Grains.Rules;

/// <summary>Check-in (报到) window around a slot's start. Defaults: opens 60 minutes before, closes 30 minutes after; later is a no-show.</summary>
public sealed class CheckInRulesOptions
{
    /// <summary>How long before the slot starts check-in opens. Default 60 minutes.</summary>
    public TimeSpan OpensBefore { get; set; } = TimeSpan.FromMinutes(60);

    /// <summary>How long after the slot starts check-in is still accepted. Default 30 minutes.</summary>
    public TimeSpan ClosesAfter { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Throws when a value is out of range; call once at start-up.</summary>
    public void Validate()
    {
        if (OpensBefore < TimeSpan.Zero || ClosesAfter < TimeSpan.Zero)
            throw new InvalidOperationException("Check-in window bounds cannot be negative.");
    }
}
