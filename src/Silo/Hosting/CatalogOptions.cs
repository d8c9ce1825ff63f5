namespace Hospital.Silo.Hosting;

/// <summary>How the catalog is planned (section "Catalog").</summary>
public sealed class CatalogOptions
{
    public const string Section = "Catalog";

    /// <summary>Seed the demo hospital into an empty database at start. Default true, so the embedded store runs with data.</summary>
    public bool SeedDemoHospital { get; set; } = true;

    /// <summary>How many days ahead sessions are generated from the weekly templates. Default 28, the longest release window.</summary>
    public int PlanningDays { get; set; } = 28;

    /// <summary>
    /// How often sessions are generated for the days entering the window and the cache refreshed. Default 1 minute:
    /// with several nodes, an admin change made on one node reaches the others' catalogs within this period.
    /// Plans fall off whole minutes, when sessions are released: at second 30 with the default (<see cref="PlanningSchedule"/>).
    /// </summary>
    public TimeSpan PlanningPeriod { get; set; } = TimeSpan.FromMinutes(1);
}
