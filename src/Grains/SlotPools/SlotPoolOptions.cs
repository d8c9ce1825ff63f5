namespace Hospital.Grains.SlotPools;

/// <summary>How slot pools run (section "SlotPools").</summary>
public sealed class SlotPoolOptions
{
    public const string Section = "SlotPools";

    /// <summary>How often an active pool looks for holds past their payment window. Default 5 s: a slot returns at most this late.</summary>
    public TimeSpan ExpiryCheckPeriod { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often the recovery sweep looks in the database for due holds of pools that are not active. Default 1 min.</summary>
    public TimeSpan RecoverySweepPeriod { get; set; } = TimeSpan.FromMinutes(1);
}
