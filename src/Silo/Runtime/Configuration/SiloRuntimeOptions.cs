namespace Hospital.Silo.Runtime.Configuration;

/// <summary>
/// Tuning of the virtual-actor runtime, bound from the <c>Silo:Runtime</c> configuration section.
/// The defaults follow Orleans' own defaults where Orleans has one.
/// </summary>
public sealed class SiloRuntimeOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Silo:Runtime";

    /// <summary>An activation with no call for this long is collected. Default: 15 minutes.</summary>
    public TimeSpan IdleCollectionAge { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often idle activations are looked for. Default: 1 minute.</summary>
    public TimeSpan CollectionCheckPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Calls queued per activation before new calls fail with an overload error. Default: 10,000.</summary>
    public int MailboxCapacity { get; set; } = 10_000;

    /// <summary>
    /// A caller gets a timeout error after this long (checked every tenth of it, so at most 10% later);
    /// the activation keeps working. At least 10 ms. Default: 30 seconds.
    /// </summary>
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest time activation participants plus OnActivateAsync may take. Default: 30 seconds.</summary>
    public TimeSpan ActivationTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest time OnDeactivateAsync may take before the activation is dropped anyway. Default: 30 seconds.</summary>
    public TimeSpan DeactivationTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A turn (a whole call, or a timer tick) longer than this is logged as a warning. Default: 1 second.</summary>
    public TimeSpan LongTurnWarningThreshold { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The wait suggested to callers rejected by a full mailbox (HTTP Retry-After). Default: 1 second.</summary>
    public TimeSpan OverloadRetryAfter { get; set; } = TimeSpan.FromSeconds(1);
}
