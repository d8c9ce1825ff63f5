namespace Hospital.Grains.Accounts;

/// <summary>How many wrong visit codes an account may try (section "Auth:VisitCode"), validated at start.</summary>
public sealed class VisitCodeOptions
{
    public const string Section = "Auth:VisitCode";

    /// <summary>
    /// Wrong visit codes one account may present per hospital calendar day; then every try is refused until the next day.
    /// Default 5: an 8-character code from 31 characters has 8.5 × 10¹¹ values, so guessing one stays hopeless.
    /// </summary>
    public int WrongTriesPerDay { get; set; } = 5;

    public void Validate()
    {
        if (WrongTriesPerDay < 1) throw new InvalidOperationException("WrongTriesPerDay must be at least 1.");
    }
}
