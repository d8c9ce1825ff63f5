using Hospital.Grains.Availability;
using Hospital.Grains.Browsing;
using Hospital.Grains.Catalog;
using Hospital.Grains.Demo;
using Hospital.Grains.SlotPools;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hospital.Silo.Hosting;

/// <summary>
/// Keeps sessions generated for the planning window and the in-memory catalog and availability current.
/// The first run happens in <see cref="StartAsync"/>, before the server takes requests, so browsing never sees an empty catalog;
/// later ones follow <see cref="PlanningSchedule"/>, away from the moments of release.
/// </summary>
public sealed partial class CatalogPlanner(
    ICatalogStore catalogStore,
    ISlotPoolStore poolStore,
    CatalogCache cache,
    AvailabilityBoard board,
    HospitalTime hospitalTime,
    HospitalClock time,
    IOptions<CatalogOptions> options,
    ILogger<CatalogPlanner> logger) : BackgroundService
{
    private readonly SemaphoreSlim _planning = new(1, 1);

    // Skipped rows already logged: a bad row is logged once, not at every plan (one a minute by default).
    private readonly HashSet<SkippedCatalogRow> _reported = [];

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await PlanAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    /// <summary>Seeds the demo hospital when asked and empty, adds the sessions missing from the window, and reloads the caches.</summary>
    public async Task PlanAsync(CancellationToken cancellationToken = default)
    {
        await _planning.WaitAsync(cancellationToken);
        try
        {
            var catalog = await catalogStore.LoadCatalogAsync(cancellationToken);
            if (catalog.Departments.Count == 0 && catalog.SkippedRows.Count == 0 && options.Value.SeedDemoHospital) catalog = await SeedDemoAsync(cancellationToken);
            foreach (var row in catalog.SkippedRows.Where(_reported.Add)) LogRowSkipped(row.Table, row.Key, row.Reason);

            var today = hospitalTime.DateOf(time.GetUtcNow());
            var days = options.Value.PlanningDays;
            var added = await catalogStore.AddMissingSessionsAsync(SessionGenerator.Generate(catalog, today, days), cancellationToken);
            // A withdrawn session (retired doctor, ended template) leaves browsing once nobody holds a slot in it.
            var pools = (await poolStore.LoadPoolsAsync(today, today.AddDays(days - 1), cancellationToken))
                .Where(p => p.HeldCount + p.BookedCount > 0 || !catalog.Withdraws(p.Session)).ToList();
            cache.Replace(catalog, pools.Select(p => p.Session));
            var now = time.GetUtcNow();
            foreach (var pool in pools) board.Publish(pool.Availability(now));
            LogPlanned(catalog.Departments.Count, catalog.Doctors.Count, pools.Count, added);
        }
        finally
        {
            _planning.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(PlanningSchedule.DelayToNext(time.GetUtcNow(), options.Value.PlanningPeriod), time, stoppingToken);
            try
            {
                await PlanAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogPlanningFailed(e);
            }
        }
    }

    private async Task<HospitalCatalog> SeedDemoAsync(CancellationToken cancellationToken)
    {
        var demo = DemoHospital.Create();
        foreach (var department in demo.Departments) await catalogStore.SaveDepartmentAsync(department, demo.ReleasePolicyFor(department.Id), cancellationToken);
        foreach (var room in demo.Rooms) await catalogStore.SaveRoomAsync(room, cancellationToken);
        foreach (var doctor in demo.Doctors) await catalogStore.SaveDoctorAsync(doctor, cancellationToken);
        foreach (var template in demo.Templates) await catalogStore.SaveTemplateAsync(template, cancellationToken);
        LogSeeded(demo.Departments.Count, demo.Doctors.Count);
        return demo;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Catalog planned: {Departments} departments, {Doctors} doctors, {Sessions} sessions in the window ({Added} new)")]
    private partial void LogPlanned(int departments, int doctors, int sessions, int added);

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded the demo hospital: {Departments} departments, {Doctors} doctors")]
    private partial void LogSeeded(int departments, int doctors);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Catalog row skipped by planning until fixed: {Table} {Key}: {Reason}")]
    private partial void LogRowSkipped(string table, string key, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Catalog planning failed; the next period tries again")]
    private partial void LogPlanningFailed(Exception exception);
}
