using Hospital.Grains.Catalog;
using Hospital.Grains.Tests.SlotPools;
using Hospital.Silo.Notifications;
using Hospital.TestSupport.Contracts;
using Hospital.TestSupport.Databases;
using Hospital.TestSupport.Hospital;
using Microsoft.Extensions.DependencyInjection;

namespace Hospital.Grains.Tests.Notices;

/// <summary>
/// The notices that fall due with time, written by the sweep on each backend: when, in what words, and once however often
/// the sweep runs (the node's own hosted sweep runs alongside the test's calls).
/// </summary>
public abstract class VisitNoticeSweepContract(TestDatabaseFixture fixture) : SlotPoolContractBase(fixture)
{
    [ContractFact]
    public async Task Sweep_TheDayBeforeAVisit_WritesOneReminderFromTenOClock()
    {
        var (host, patient) = await StartWithPatientAsync();
        var booked = await BookAndPayAsync(host, patient, TestCatalog.Session(1), "tomorrow");
        var sweep = host.Services.GetRequiredService<VisitNoticeSweep>();

        await sweep.SweepAsync();                                // 06:30: too early
        var early = await CountAsync(booked, "visit.reminder");
        Clock.Advance(TimeSpan.FromHours(3.5));                  // 10:00
        await sweep.SweepAsync();
        await sweep.SweepAsync();

        Assert.Equal(0L, early);
        Assert.Equal(1L, await CountAsync(booked, "visit.reminder"));
        var text = await ScalarAsync<string>("SELECT message FROM notifications WHERE appointment_id = @booked AND kind = 'visit.reminder'", new { booked });
        Assert.StartsWith("就诊提醒：您预约了2026年11月24日 08:00 心血管内科 测试医生1（1 号），地点：门诊楼2层A区1诊室。请于 07:00 后、08:00 前到达签到", text);
        Assert.Contains("请在2026年11月23日 16:00前在“我的预约”中取消，可全额退款", text);
    }

    [ContractFact]
    public async Task Sweep_AfterANoShow_WritesOneNoticeSayingUntilWhenThePatientIsSuspended()
    {
        var (host, patient) = await StartWithPatientAsync();
        var booked = await BookAndPayAsync(host, patient, TestCatalog.Session(0), "today");
        Clock.Advance(TimeSpan.FromDays(1));
        await Pool(host.Grains, TestCatalog.Session(0)).MarkNoShowsAsync();
        var sweep = host.Services.GetRequiredService<VisitNoticeSweep>();

        await sweep.SweepAsync();
        await sweep.SweepAsync();

        Assert.Equal(1L, await CountAsync(booked, "visit.no_show"));
        var text = await ScalarAsync<string>("SELECT message FROM notifications WHERE appointment_id = @booked AND kind = 'visit.no_show'", new { booked });
        Assert.StartsWith("您预约的2026年11月23日 08:00 心血管内科（测试医生1，1 号）未在签到时间内签到，已记为爽约。您今年已有 1 次", text);
        Assert.Contains("2026年12月23日起可以再次预约", text);
    }

    [ContractFact]
    public async Task Sweep_AfterTheThirdCancellationOfTheMonth_WritesOneSuspensionNotice()
    {
        var (host, patient) = await StartWithPatientAsync();
        for (var day = 1; day <= 3; day++)
        {
            var booked = await BookAndPayAsync(host, patient, TestCatalog.Session(day), $"tap-{day}");
            await host.Grains.GetGrain<IPatientGrain>(patient).CancelAsync(booked, "account:A-test", "changed my mind");
        }
        var sweep = host.Services.GetRequiredService<VisitNoticeSweep>();

        await sweep.SweepAsync();
        await sweep.SweepAsync();

        Assert.Equal("您本月已取消预约 3 次，按医院规定，本月内暂停新的预约，2026年12月1日起可以再次预约。如有疑问，请联系医院客服。", await ScalarAsync<string>(
            "SELECT message FROM notifications WHERE patient_id = @patient AND kind = 'patient.suspended'", new { patient }));
    }

    [ContractFact]
    public async Task Sweep_TheDayBeforeAWatchedDateOpens_WritesOneReleaseNoticeFromTenOClock()
    {
        var (host, patient) = await StartWithPatientAsync();
        await host.Services.GetRequiredService<IReleaseWatchStore>().AddAsync(patient, TestCatalog.DepartmentId, TestCatalog.Today.AddDays(8), Clock.GetUtcNow());
        var sweep = host.Services.GetRequiredService<VisitNoticeSweep>();
        const string Count = "SELECT COUNT(*) FROM notifications WHERE patient_id = @patient AND kind = 'release.opening'";

        await sweep.SweepAsync();
        var early = await ScalarAsync<long>(Count, new { patient });
        Clock.Advance(TimeSpan.FromHours(3.5));
        await sweep.SweepAsync();
        await sweep.SweepAsync();

        Assert.Equal((0L, 1L), (early, await ScalarAsync<long>(Count, new { patient })));
        Assert.Equal("您关注的心血管内科2026年12月1日的号源将于明天（2026年11月24日）07:00开放预约，请届时在 App 中预约。", await ScalarAsync<string>(
            "SELECT message FROM notifications WHERE patient_id = @patient AND kind = 'release.opening'", new { patient }));
    }


    private static async Task<string> BookAndPayAsync(HospitalTestCluster host, string patient, string session, string key)
    {
        var held = await host.Grains.GetGrain<IPatientGrain>(patient).BookAsync(new BookingRequest(session, TestCatalog.DepartmentId, 1, BookingChannel.App, key));
        return (await Pool(host.Grains, session).ConfirmPaymentAsync(held.Appointment!.Id, $"pay-{key}", "account:A-test")).Id;
    }

    private Task<long> CountAsync(string appointmentId, string kind) =>
        ScalarAsync<long>("SELECT COUNT(*) FROM notifications WHERE appointment_id = @appointmentId AND kind = @kind", new { appointmentId, kind });
}

public sealed class SqliteVisitNoticeSweepContract(SqliteDatabaseFixture fixture) : VisitNoticeSweepContract(fixture), IClassFixture<SqliteDatabaseFixture>;

[TestSupport.MariaDb.RequiresMariaDb]
public sealed class MariaDbVisitNoticeSweepContract(MariaDbDatabaseFixture fixture) : VisitNoticeSweepContract(fixture), IClassFixture<MariaDbDatabaseFixture>;
