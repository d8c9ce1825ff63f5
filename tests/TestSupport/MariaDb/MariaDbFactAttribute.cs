namespace Hospital.TestSupport.MariaDb;

/// <summary>A fact that needs MariaDB: skipped by <see cref="MariaDbAvailability"/>'s rule (never when CI=true).</summary>
public sealed class MariaDbFactAttribute : FactAttribute
{
    public MariaDbFactAttribute() => Skip = MariaDbAvailability.SkipReason;
}
