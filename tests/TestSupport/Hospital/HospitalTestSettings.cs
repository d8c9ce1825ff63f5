using Hospital.TestSupport.Databases;

namespace Hospital.TestSupport.Hospital;

/// <summary>The settings every test silo runs with over a test database, whichever host carries it.</summary>
public static class HospitalTestSettings
{
    /// <summary>Base64 of a fixed 32-byte key, for tests only.</summary>
    public const string TestDataKey = "dGVzdC1vbmx5LWtleS10ZXN0LW9ubHkta2V5LTMyYiE=";

    public static Dictionary<string, string?> For(TestDatabase database) => new()
    {
        ["Storage:Provider"] = database.Provider.ToString(),
        ["Storage:ConnectionString"] = database.ConnectionString,
        ["Storage:Timeouts:ConnectTimeout"] = database.Timeouts.ConnectTimeout.ToString(),
        ["Storage:Timeouts:CommandTimeout"] = database.Timeouts.CommandTimeout.ToString(),
        ["Catalog:SeedDemoHospital"] = "false",
        ["Catalog:PlanningDays"] = TestCatalog.PlanningDays.ToString(),
        ["Privacy:DataKey"] = TestDataKey,
        // Tests advance the clock by hours; activations must not be collected under them.
        ["Silo:IdleCollectionAge"] = "1.00:00:00",
        // Many silos start in one test process, and each silo's dashboard stays in memory after it stops; the dashboard's tests turn it on.
        ["Silo:Dashboard"] = "false",
    };
}
