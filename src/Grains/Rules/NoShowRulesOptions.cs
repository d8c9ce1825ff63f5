namespace Hospital.Grains.Rules;

/// <summary>Escalating booking suspension for no-shows, counted per calendar year. Defaults: 1st 30 days, 2nd 60, 3rd and later 90.</summary>
public sealed class NoShowRulesOptions
{
    /// <summary>Suspension after the first no-show of the year. Default 30 days.</summary>
    public int FirstSuspensionDays { get; set; } = 30;

    /// <summary>Suspension after the second no-show of the year. Default 60 days.</summary>
    public int SecondSuspensionDays { get; set; } = 60;

    /// <summary>Suspension after the third and every later no-show of the year. Default 90 days.</summary>
    public int LaterSuspensionDays { get; set; } = 90;

    /// <summary>Throws when a value is out of range; call once at start-up.</summary>
    public void Validate()
    {
        if (FirstSuspensionDays < 0 || SecondSuspensionDays < 0 || LaterSuspensionDays < 0)
            throw new InvalidOperationException("Suspension lengths cannot be negative.");
    }
}
