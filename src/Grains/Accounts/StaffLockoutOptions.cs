namespace Hospital.Grains.Accounts;

/// <summary>When repeated wrong passwords lock a staff id (section "Auth:StaffLockout"), validated at start.</summary>
public sealed class StaffLockoutOptions
{
    public const string Section = "Auth:StaffLockout";

    /// <summary>Wrong passwords in a row that lock the id. Default 5.</summary>
    public int MaxFailures { get; set; } = 5;

    /// <summary>How long a locked id refuses every password, the right one included. Default 15 minutes.</summary>
    public TimeSpan Duration { get; set; } = TimeSpan.FromMinutes(15);

    public void Validate()
    {
        if (MaxFailures < 1 || Duration <= TimeSpan.Zero) throw new InvalidOperationException("MaxFailures and Duration must be positive.");
    }
}
