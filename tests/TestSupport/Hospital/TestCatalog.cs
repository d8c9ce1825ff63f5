using Hospital.Grains.Abstractions.Booking;
using Hospital.Grains.Catalog;
using Hospital.Silo.Storage.Catalog;
using Hospital.TestSupport.Databases;
using Microsoft.Extensions.Time.Testing;

namespace Hospital.TestSupport.Hospital;

/// <summary>
/// A one-department hospital for engine tests: doctor 1 holds a morning session every day with <see cref="Quota"/>
/// app-only slots; doctor 2 one with the standard channel shares. The clock starts Monday 2026-11-23 06:30 hospital
/// time, so today's 08:00 session is open, and the session a week ahead opens at 07:00 (the release gate).
/// </summary>
public static class TestCatalog
{
    public const int Quota = 30;
    public const int PlanningDays = 8;
    public const int DepartmentId = 1;
    public const int AppOnlyDoctor = 1;
    public const int SharedDoctor = 2;
    public const decimal Fee = 50m;

    public static DateOnly Today { get; } = new(2026, 11, 23);

    public static DateTimeOffset Start { get; } = HospitalTime.China.At(Today, new TimeOnly(6, 30));

    /// <summary>A clock at <see cref="Start"/> that moves only when the test advances it, firing due timers on the way.</summary>
    public static FakeTimeProvider NewClock() => new(Start);

    /// <summary>The morning session of <paramref name="doctorId"/>, <paramref name="daysAhead"/> days from today.</summary>
    public static string Session(int daysAhead, int doctorId = AppOnlyDoctor) => SessionKey.Build(doctorId, Today.AddDays(daysAhead), SessionPeriod.Morning);

    public static async Task SeedAsync(TestDatabase database)
    {
        var store = new SqlCatalogStore(database.ConnectionFactory);
        await store.SaveDepartmentAsync(new Department(DepartmentId, "心血管内科", "门诊楼2层A区", "高血压、冠心病"), ReleasePolicy.RollingSevenDays);
        await store.SaveRoomAsync(new Room("2A-01", DepartmentId, "门诊楼2层A区1诊室"));
        foreach (var (doctorId, shares) in new[] { (AppOnlyDoctor, ChannelShares.AppOnly), (SharedDoctor, ChannelShares.Standard) })
        {
            await store.SaveDoctorAsync(new Doctor(doctorId, DepartmentId, $"测试医生{doctorId}", DoctorTitle.ChiefPhysician, ["高血压"], Fee, "测试", 4.5));
            foreach (var day in Enum.GetValues<DayOfWeek>())
                await store.SaveTemplateAsync(new ScheduleTemplate(doctorId, day, SessionPeriod.Morning, "2A-01", Quota, 8, shares));
        }
    }
}
