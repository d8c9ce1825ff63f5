using Hospital.Grains.Abstractions.Errors;
using System.Security.Cryptography;
using Hospital.Grains.Patients;
using Hospital.Silo.Privacy;
using Hospital.Grains.Tests.SlotPools;
using Hospital.TestSupport.Contracts;
using Hospital.TestSupport.Databases;
using Hospital.TestSupport.Hospital;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Hospital.Grains.Tests.Patients;

/// <summary>A patient's limits and idempotency, applied before any pool is asked, on each backend.</summary>
public abstract class PatientGrainContract(TestDatabaseFixture fixture) : SlotPoolContractBase(fixture)
{
    [ContractFact]
    public async Task Book_TheSameKeyConcurrently_HoldsOneSlot()
    {
        var (host, patient) = await StartWithPatientAsync();
        var request = new BookingRequest(TestCatalog.Session(1), TestCatalog.DepartmentId, null, BookingChannel.App, "tap-1");

        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => host.Grains.GetGrain<IPatientGrain>(patient).BookAsync(request)));

        Assert.Single(answers.Select(a => a.Appointment!.Id).Distinct());
        Assert.Single(await RowsAsync(TestCatalog.Session(1)));
    }

    [ContractFact]
    public async Task Book_TheSameKeyForAnotherSession_IsRefused()
    {
        var (host, patient) = await StartWithPatientAsync();
        var grain = host.Grains.GetGrain<IPatientGrain>(patient);
        await grain.BookAsync(new BookingRequest(TestCatalog.Session(1), TestCatalog.DepartmentId, null, BookingChannel.App, "tap-1"));

        var refused = await Assert.ThrowsAsync<RuleConflictException>(() =>
            grain.BookAsync(new BookingRequest(TestCatalog.Session(2), TestCatalog.DepartmentId, null, BookingChannel.App, "tap-1")));

        Assert.Equal("idempotency.key_reused", refused.Code);
    }

    [ContractFact]
    public async Task Book_ASecondTimeInOneDepartmentOnOneDay_IsRefusedUntilTheFirstHoldExpires()
    {
        var (host, patient) = await StartWithPatientAsync();
        var grain = host.Grains.GetGrain<IPatientGrain>(patient);
        var session = TestCatalog.Session(1);
        var other = TestCatalog.Session(1, TestCatalog.SharedDoctor);
        await grain.BookAsync(new BookingRequest(session, TestCatalog.DepartmentId, null, BookingChannel.App, "tap-1"));

        var refused = await Assert.ThrowsAsync<RuleConflictException>(() =>
            grain.BookAsync(new BookingRequest(other, TestCatalog.DepartmentId, null, BookingChannel.App, "tap-2")));
        Clock.Advance(TimeSpan.FromMinutes(16));
        var later = await grain.BookAsync(new BookingRequest(other, TestCatalog.DepartmentId, null, BookingChannel.App, "tap-3"));

        Assert.Equal("patient.already_booked", refused.Code);
        Assert.Equal(HoldOutcome.Held, later.Outcome);
    }

    [ContractFact]
    public async Task Book_ASecondTimeInOneDepartmentOnOneDay_IsRefusedWhenTheFirstHoldWasPaidWithoutThePatientGrainHearingOfIt()
    {
        var (host, patient) = await StartWithPatientAsync();
        var grain = host.Grains.GetGrain<IPatientGrain>(patient);
        var session = TestCatalog.Session(1);
        var held = await grain.BookAsync(new BookingRequest(session, TestCatalog.DepartmentId, null, BookingChannel.App, "tap-1"));
        // The payment grain confirms with the pool directly, as the gateway's notification arrives.
        await Pool(host.Grains, session).ConfirmPaymentAsync(held.Appointment!.Id, "pay-1", "gateway:sandbox");
        Clock.Advance(TimeSpan.FromMinutes(16)); // past the hold's time to pay: only a paid booking still counts

        var refused = await Assert.ThrowsAsync<RuleConflictException>(() => grain.BookAsync(
            new BookingRequest(TestCatalog.Session(1, TestCatalog.SharedDoctor), TestCatalog.DepartmentId, null, BookingChannel.App, "tap-2")));

        Assert.Equal("patient.already_booked", refused.Code);
    }

    [ContractFact]
    public async Task Book_AFourthNewBookingInOneDay_IsRefused()
    {
        var (host, patient) = await StartWithPatientAsync();
        var grain = host.Grains.GetGrain<IPatientGrain>(patient);
        for (var day = 1; day <= 3; day++)
            await grain.BookAsync(new BookingRequest(TestCatalog.Session(day), TestCatalog.DepartmentId, null, BookingChannel.App, $"tap-{day}"));

        var refused = await Assert.ThrowsAsync<RuleConflictException>(() =>
            grain.BookAsync(new BookingRequest(TestCatalog.Session(4), TestCatalog.DepartmentId, null, BookingChannel.App, "tap-4")));

        Assert.Equal("patient.daily_limit", refused.Code);
    }

    [ContractFact]
    public async Task Reschedule_AfterThreeNewBookingsToday_IsAllowedUpToTwiceAsAChangeNotANewBooking()
    {
        var (host, patient) = await StartWithPatientAsync();
        var grain = host.Grains.GetGrain<IPatientGrain>(patient);
        var booked = new List<string>();
        for (var day = 1; day <= 3; day++)
        {
            var held = await grain.BookAsync(new BookingRequest(TestCatalog.Session(day), TestCatalog.DepartmentId, null, BookingChannel.App, $"tap-{day}"));
            booked.Add((await Pool(host.Grains, TestCatalog.Session(day)).ConfirmPaymentAsync(held.Appointment!.Id, $"pay-{day}", "account:A-test")).Id);
        }

        var first = await grain.RescheduleAsync(booked[0], TestCatalog.Session(4), TestCatalog.DepartmentId, "move-1", "account:A-test");
        var second = await grain.RescheduleAsync(first.Id, TestCatalog.Session(5), TestCatalog.DepartmentId, "move-2", "account:A-test");
        var third = await Assert.ThrowsAsync<RuleConflictException>(() =>
            grain.RescheduleAsync(second.Id, TestCatalog.Session(6), TestCatalog.DepartmentId, "move-3", "account:A-test"));

        Assert.Equal((AppointmentStatus.Booked, 2), (second.Status, second.RescheduleCount));
        Assert.Equal("appointment.reschedule_limit", third.Code);
        Assert.DoesNotContain("new booking", third.Message, StringComparison.OrdinalIgnoreCase);
    }

    [ContractFact]
    public async Task Book_AfterThreeCancellationsThisMonth_IsSuspendedUntilNextMonth()
    {
        var (host, patient) = await StartWithPatientAsync();
        var grain = host.Grains.GetGrain<IPatientGrain>(patient);
        for (var day = 1; day <= 3; day++)
        {
            var held = await grain.BookAsync(new BookingRequest(TestCatalog.Session(day), TestCatalog.DepartmentId, null, BookingChannel.App, $"tap-{day}"));
            await Pool(host.Grains, TestCatalog.Session(day)).ConfirmPaymentAsync(held.Appointment!.Id, $"pay-{day}", "account:A-test");
            await grain.CancelAsync(held.Appointment.Id, "account:A-test", "changed my mind");
        }
        Clock.Advance(TimeSpan.FromDays(1));

        var refused = await Assert.ThrowsAsync<RuleConflictException>(() =>
            grain.BookAsync(new BookingRequest(TestCatalog.Session(5), TestCatalog.DepartmentId, null, BookingChannel.App, "tap-5")));

        Assert.Equal("patient.suspended", refused.Code);
        Assert.Equal(new DateOnly(2026, 12, 1), refused.Details["suspendedUntil"]);
    }

    [ContractFact]
    public async Task Book_ForAnUnknownPatient_IsNotFound()
    {
        var host = await StartClusterAsync();

        var missing = await Assert.ThrowsAsync<NotFoundException>(() => host.Grains.GetGrain<IPatientGrain>("P-nobody").BookAsync(
            new BookingRequest(TestCatalog.Session(1), TestCatalog.DepartmentId, null, BookingChannel.App, "tap-1")));

        Assert.Equal("patient.not_found", missing.Code);
    }

    [ContractFact]
    public async Task Register_TheSamePersonTwice_ReturnsTheFirstPatientMasked()
    {
        var host = await StartClusterAsync();
        var registry = host.Services.GetRequiredService<PatientRegistry>();

        var first = await registry.RegisterAsync("王五", "11010519491231002X", "13812345678");
        var second = await registry.RegisterAsync("王五", "11010519491231002X", "13900001111");
        var impostor = await Assert.ThrowsAsync<RuleConflictException>(() => registry.RegisterAsync("赵六", "11010519491231002X", "13812345678"));

        Assert.True(first.Created);
        Assert.False(second.Created);
        Assert.Equal(first.Patient, second.Patient);
        Assert.Equal(("王*", "1****************X", "138****5678"), (first.Patient.Name, first.Patient.IdNumber, first.Patient.Phone));
        Assert.Equal("patient.identity_mismatch", impostor.Code);
        Assert.Equal(0L, await ScalarAsync<long>("SELECT COUNT(*) FROM patients WHERE phone_protected LIKE '%13812345678%' OR id_number_hash LIKE '%11010519491231002X%'"));
    }

    [ContractFact]
    public async Task Register_StoresThePhoneEncryptedSoOnlyTheHospitalsKeyReadsItBack()
    {
        var host = await StartClusterAsync();
        var registered = await host.Services.GetRequiredService<PatientRegistry>().RegisterAsync("王五", "11010519491231002X", "13812345678");
        var stored = await ScalarAsync<string>("SELECT phone_protected FROM patients WHERE id = @Id", new { registered.Patient.Id });
        var otherHospital = new AesGcmPersonalDataProtector(Options.Create(new PrivacyOptions { DataKey = Convert.ToBase64String(new byte[32]) }));

        Assert.DoesNotContain("5678", stored);
        Assert.Equal("13812345678", host.Services.GetRequiredService<IPersonalDataProtector>().Unprotect(stored));
        Assert.ThrowsAny<CryptographicException>(() => otherHospital.Unprotect(stored));
    }

    [ContractFact]
    public async Task Book_AfterARestart_CountsTheStoredAppointmentsAgainstTheDailyAndDepartmentLimits()
    {
        var (host, patient) = await StartWithPatientAsync();
        for (var day = 1; day <= 3; day++)
        {
            var held = await host.Grains.GetGrain<IPatientGrain>(patient).BookAsync(
                new BookingRequest(TestCatalog.Session(day), TestCatalog.DepartmentId, null, BookingChannel.App, $"tap-{day}"));
            await Pool(host.Grains, TestCatalog.Session(day)).ConfirmPaymentAsync(held.Appointment!.Id, $"pay-{day}", "account:A-test");
        }
        await StopClusterAsync(host);
        var restarted = (await StartClusterAsync()).Grains.GetGrain<IPatientGrain>(patient);

        var daily = await Assert.ThrowsAsync<RuleConflictException>(() => restarted.BookAsync(
            new BookingRequest(TestCatalog.Session(4), TestCatalog.DepartmentId, null, BookingChannel.App, "tap-4")));
        Clock.Advance(TimeSpan.FromDays(1)); // a new day: the daily limit is fresh, but the booked days are still taken
        var department = await Assert.ThrowsAsync<RuleConflictException>(() => restarted.BookAsync(
            new BookingRequest(TestCatalog.Session(2, TestCatalog.SharedDoctor), TestCatalog.DepartmentId, null, BookingChannel.App, "tap-5")));

        Assert.Equal(("patient.daily_limit", "patient.already_booked"), (daily.Code, department.Code));
    }
}

public sealed class SqlitePatientGrainContract(SqliteDatabaseFixture fixture) : PatientGrainContract(fixture), IClassFixture<SqliteDatabaseFixture>;

[TestSupport.MariaDb.RequiresMariaDb]
public sealed class MariaDbPatientGrainContract(MariaDbDatabaseFixture fixture) : PatientGrainContract(fixture), IClassFixture<MariaDbDatabaseFixture>;
