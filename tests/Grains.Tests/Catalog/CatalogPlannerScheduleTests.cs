using Hospital.Grains.Abstractions.Booking;
using Hospital.Grains.Browsing;
using Hospital.Grains.Catalog;
using Hospital.Grains.Tests.SlotPools;
using Hospital.Silo.Storage.Catalog;
using Hospital.TestSupport.Databases;
using Hospital.TestSupport.Hospital;
using Microsoft.Extensions.DependencyInjection;

namespace Hospital.Grains.Tests.Catalog;

/// <summary>The running planner plans at second 30 of the minute, away from the whole minutes when sessions are released.</summary>
public sealed class CatalogPlannerScheduleTests(SqliteDatabaseFixture fixture) : SlotPoolContractBase(fixture), IClassFixture<SqliteDatabaseFixture>
{
    private const int NewDoctor = 3;

    [Fact]
    public async Task A_doctor_added_by_another_node_is_planned_half_a_minute_after_a_whole_minute()
    {
        var host = await StartClusterAsync(); // at 06:30:00, a whole minute: the start plans once
        var cache = host.Services.GetRequiredService<CatalogCache>();
        var session = TestCatalog.Session(daysAhead: 1, NewDoctor);
        await AddDoctorWithoutPlanningAsync();

        Clock.Advance(TimeSpan.FromSeconds(30));

        var planned = await Eventually.ReturnsAsync(() => Task.FromResult(cache.Current.FindSession(session)), found => found is not null);
        Assert.NotNull(planned);
    }

    /// <summary>What an admin change on another node leaves behind: rows in the shared database, no plan on this node.</summary>
    private async Task AddDoctorWithoutPlanningAsync()
    {
        var store = new SqlCatalogStore(Database.ConnectionFactory);
        await store.SaveDoctorAsync(new Doctor(NewDoctor, TestCatalog.DepartmentId, "新医生", DoctorTitle.AttendingPhysician, [], TestCatalog.Fee, "测试", 4.5));
        foreach (var day in Enum.GetValues<DayOfWeek>())
            await store.SaveTemplateAsync(new ScheduleTemplate(NewDoctor, day, SessionPeriod.Morning, "2A-01", TestCatalog.Quota, 8, ChannelShares.AppOnly));
    }
}
