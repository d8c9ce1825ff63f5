namespace Hospital.Silo.Hosting;

/// <summary>
/// The Orleans silo each node co-hosts (section "Silo"), validated on start. Every node of one hospital must share
/// <see cref="ClusterId"/> and <see cref="ServiceId"/>; ports must be free on the node's address.
/// </summary>
public sealed class SiloOptions
{
    public const string Section = "Silo";

    /// <summary>Default: <see cref="SiloClustering.AdoNet"/> when storage is MySQL/MariaDB, else <see cref="SiloClustering.Localhost"/>.</summary>
    public SiloClustering? Clustering { get; set; }

    /// <summary>The cluster's name; nodes with another id never join it. Default "hospital".</summary>
    public string ClusterId { get; set; } = "hospital";

    /// <summary>Names the stored state (membership, grain state, reminders) across deployments. Default "hospital".</summary>
    public string ServiceId { get; set; } = "hospital";

    /// <summary>Silo-to-silo port. Default 11111.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Port for external Orleans clients; 0 opens none (the API calls its silo in-process). Default 30000.</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>
    /// The address other nodes reach this one at (cluster mode). Default: the address the host's name resolves to, as in a
    /// container; nodes that share one machine set 127.0.0.1.
    /// </summary>
    public string? AdvertisedAddress { get; set; }

    /// <summary>An activation idle this long is collected; the next call reloads it. Default 15 minutes (Orleans' own).</summary>
    public TimeSpan IdleCollectionAge { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Calls one activation may have waiting or running before further ones are refused at once (503 + Retry-After)
    /// instead of piling up. Default 10,000: a release burst on one session stays below it.
    /// </summary>
    public int MaxRequestsPerActivation { get; set; } = 10_000;

    /// <summary>A grain call without an answer after this long fails (503). Default 30 s, Orleans' own.</summary>
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Runs the statistics of Orleans' dashboard (and the API serves it at /dashboard). Default true. Turn it off where
    /// one process starts many silos, as the tests do: each silo's dashboard stays reachable after the silo stops
    /// (measured: 110 API tests peaked at 9.1 GB with it, 2.1 GB without).
    /// </summary>
    public bool Dashboard { get; set; } = true;
}
