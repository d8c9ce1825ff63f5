using Hospital.Grains.Abstractions.Errors;
using Hospital.Grains.Patients;
using Hospital.Grains.Tests.SlotPools;
using Hospital.TestSupport.Contracts;
using Hospital.TestSupport.Databases;
using Hospital.TestSupport.Hospital;

namespace Hospital.Grains.Tests.Patients;

/// <summary>The no-show ladder as the patient grain applies it, and an admin's lift, on each backend.</summary>
public abstract class PatientSuspensionContract(TestDatabaseFixture fixture) : SlotPoolContractBase(fixture)
{
    [ContractFact]
    public async Task Book_AfterANoShow_IsSuspendedThirtyDaysWithTheReasonInPlainChinese()
    {
        var (host, patient) = await StartWithNoShowAsync();

        var refused = await Assert.ThrowsAsync<RuleConflictException>(() => host.Grains.GetGrain<IPatientGrain>(patient).BookAsync(
            new BookingRequest(TestCatalog.Session(3), TestCatalog.DepartmentId, null, BookingChannel.App, "after")));

        Assert.Equal("patient.suspended", refused.Code);
        Assert.Equal((TestCatalog.Today.AddDays(30), "NoShows", 1), (refused.Details["suspendedUntil"], refused.Details["cause"], refused.Details["count"]));
        Assert.Contains("爽约", refused.Message);
        Assert.Contains("2026年12月23日起可以再次预约", refused.Message);
    }

    [ContractFact]
    public async Task LiftSuspension_LetsThePatientBookAgain_AuditsTheAdmin_TellsThePatient_AndHoldsAfterARestart()
    {
        var (host, patient) = await StartWithNoShowAsync();

        var lift = await host.Grains.GetGrain<IPatientGrain>(patient).LiftSuspensionAsync("急诊住院，已提供证明", "staff:chief");
        var again = await Assert.ThrowsAsync<RuleConflictException>(() => host.Grains.GetGrain<IPatientGrain>(patient).LiftSuspensionAsync("again", "staff:chief"));
        await StopClusterAsync(host);
        var restarted = await StartClusterAsync();
        var held = await restarted.Grains.GetGrain<IPatientGrain>(patient).BookAsync(
            new BookingRequest(TestCatalog.Session(3), TestCatalog.DepartmentId, null, BookingChannel.App, "after-lift"));

        Assert.Equal(new Suspension(SuspensionCause.NoShows, TestCatalog.Today.AddDays(30), 1), lift.Lifted);
        Assert.Equal(PatientGrain.NotSuspendedCode, again.Code);
        Assert.Equal(HoldOutcome.Held, held.Outcome);
        Assert.Equal(1L, await ScalarAsync<long>(
            "SELECT COUNT(*) FROM suspension_lifts WHERE patient_id = @patient AND cause = 'NoShows' AND reason = '急诊住院，已提供证明' AND actor = 'staff:chief'",
            new { patient }));
        Assert.Equal(1L, await ScalarAsync<long>("SELECT COUNT(*) FROM notifications WHERE patient_id = @patient AND kind = 'patient.suspension_lifted'", new { patient }));
    }

    /// <summary>A patient booked and paid for today's session, then never came: the sweep marked the no-show the next day.</summary>
    private async Task<(HospitalTestCluster Host, string PatientId)> StartWithNoShowAsync()
    {
        var (host, patient) = await StartWithPatientAsync();
        var held = await host.Grains.GetGrain<IPatientGrain>(patient).BookAsync(
            new BookingRequest(TestCatalog.Session(0), TestCatalog.DepartmentId, null, BookingChannel.App, "missed"));
        await Pool(host.Grains, TestCatalog.Session(0)).ConfirmPaymentAsync(held.Appointment!.Id, "pay-1", "account:A-test");
        Clock.Advance(TimeSpan.FromDays(1));
        await Pool(host.Grains, TestCatalog.Session(0)).MarkNoShowsAsync(); // unless the no-show sweep, woken by the clock, was first
        Assert.Equal(AppointmentStatus.NoShow, (await Pool(host.Grains, TestCatalog.Session(0)).GetAppointmentAsync(held.Appointment.Id)).Status);
        return (host, patient);
    }
}

public sealed class SqlitePatientSuspensionContract(SqliteDatabaseFixture fixture) : PatientSuspensionContract(fixture), IClassFixture<SqliteDatabaseFixture>;

[TestSupport.MariaDb.RequiresMariaDb]
public sealed class MariaDbPatientSuspensionContract(MariaDbDatabaseFixture fixture) : PatientSuspensionContract(fixture), IClassFixture<MariaDbDatabaseFixture>;
