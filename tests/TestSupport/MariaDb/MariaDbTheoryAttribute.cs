namespace Hospital.TestSupport.MariaDb;

/// <summary>A theory that needs MariaDB: skipped by <see cref="MariaDbAvailability"/>'s rule (never when CI=true).</summary>
public sealed class MariaDbTheoryAttribute : TheoryAttribute
{
    public MariaDbTheoryAttribute() => Skip = MariaDbAvailability.SkipReason;
}
