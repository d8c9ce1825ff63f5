using Dapper;
using Hospital.Grains.Abstractions.Errors;
using Hospital.Grains.SlotPools;
using Hospital.TestSupport.Contracts;
using Hospital.TestSupport.Databases;
using Hospital.TestSupport.Hospital;
using Microsoft.Extensions.DependencyInjection;

namespace Hospital.Grains.Tests.SlotPools;

/// <summary>Paying, cancelling, doctor stops and reschedules against a real database, on each backend.</summary>
public abstract class BookingLifecycleContract(TestDatabaseFixture fixture) : SlotPoolContractBase(fixture)
{
    [ContractFact]
    public async Task ConfirmPayment_OfALiveHold_BooksItWithAPaymentAndAnAuditTrail()
    {
        var host = await StartClusterAsync();
        var session = TestCatalog.Session(1);
        var held = (await Pool(host.Grains, session).HoldSlotAsync(Request(session, "P-pay"))).Appointment!;

        var booked = await Pool(host.Grains, session).ConfirmPaymentAsync(held.Id, "pay-1", "account:A-test");
        var again = await Pool(host.Grains, session).ConfirmPaymentAsync(held.Id, "pay-1", "account:A-test");

        Assert.Equal(AppointmentStatus.Booked, booked.Status);
        Assert.Equal("booked", booked.FhirStatus);
        Assert.Equal(booked, again);
        Assert.Equal(1L, await ScalarAsync<long>("SELECT COUNT(*) FROM payments WHERE appointment_id = @Id", new { held.Id }));
        var trail = await AuditAsync(held.Id);
        Assert.Equal(["->Held", "Held->Booked"], trail);
    }

    [ContractFact]
    public async Task Cancel_ABookingTheDayBeforeAfterFour_RefundsTheLateTier()
    {
        var host = await StartClusterAsync();
        var session = TestCatalog.Session(1); // tomorrow 08:00; the free cutoff is today 16:00
        var booked = await BookAsync(host, session, "P-cancel");
        Clock.Advance(TimeSpan.FromHours(10)); // 16:30

        var quote = await Pool(host.Grains, session).QuoteRefundAsync(booked.Id);
        var cancelled = await Pool(host.Grains, session).CancelAsync(booked.Id, "P-cancel", "plans changed");

        Assert.Equal(("late", 40m, 10m), (quote.Tier, quote.Refund, quote.Charge));
        Assert.Equal(AppointmentStatus.Cancelled, cancelled.Status);
        Assert.Equal(40m, cancelled.RefundAmount);
        Assert.Equal(40m, await ScalarAsync<decimal>("SELECT amount FROM refunds WHERE appointment_id = @Id", new { booked.Id }));
        Assert.True((await Pool(host.Grains, session).GetSlotsAsync()).Single(s => s.SlotNo == booked.SlotNo).Free);
    }

    [ContractFact]
    public async Task Cancel_AfterTheVisitStarted_IsRefusedAndChangesNothing()
    {
        var host = await StartClusterAsync();
        var session = TestCatalog.Session(0); // today 08:00
        var booked = await BookAsync(host, session, "P-too-late");
        Clock.Advance(TimeSpan.FromHours(2));

        var refused = await Assert.ThrowsAsync<RuleConflictException>(() => Pool(host.Grains, session).CancelAsync(booked.Id, "P-too-late", "late"));

        Assert.Equal("appointment.not_cancellable", refused.Code);
        Assert.Equal("Booked", (await RowsAsync(session)).Single().Status);
    }

    [ContractFact]
    public async Task StopSession_CancelsEveryLiveAppointmentWithFullRefundsAndNotices()
    {
        var host = await StartClusterAsync();
        var session = TestCatalog.Session(1);
        var booked = await Task.WhenAll(Enumerable.Range(0, 3).Select(i => BookAsync(host, session, $"P-stop{i}")));
        await Pool(host.Grains, session).HoldSlotAsync(Request(session, "P-unpaid"));

        var cancelled = await Pool(host.Grains, session).StopSessionAsync("admin", "doctor ill");
        var afterwards = await Assert.ThrowsAsync<RuleConflictException>(() => Pool(host.Grains, session).HoldSlotAsync(Request(session, "P-new")));

        Assert.Equal(4, cancelled);
        Assert.All(await RowsAsync(session), r => Assert.Equal("CancelledByHospital", r.Status));
        Assert.Equal(150m, await ScalarAsync<decimal>("SELECT SUM(amount) FROM refunds"));
        Assert.Equal(4L, await ScalarAsync<long>("SELECT COUNT(*) FROM notifications WHERE kind = 'session.stopped'"));
        Assert.Equal("Stopped", await ScalarAsync<string>("SELECT status FROM sessions WHERE session_id = @session", new { session }));
        Assert.Equal("session.stopped", afterwards.Code);
        Assert.Equal(SessionState.Stopped, (await Pool(host.Grains, session).GetAvailabilityAsync()).State);
    }

    [ContractFact]
    public async Task Reschedule_MovesTheBookingAndItsPayment()
    {
        var host = await StartClusterAsync();
        var patient = await RegisterPatientAsync(host);
        var from = TestCatalog.Session(1);
        var to = TestCatalog.Session(3);
        var booked = await BookThroughPatientAsync(host, patient, from);

        var moved = await host.Grains.GetGrain<IPatientGrain>(patient).RescheduleAsync(booked.Id, to, TestCatalog.DepartmentId, "move-1", "account:A-test");

        Assert.Equal((AppointmentStatus.Booked, 1, booked.Id), (moved.Status, moved.RescheduleCount, moved.RescheduledFrom));
        Assert.Equal("Rescheduled", (await RowsAsync(from)).Single().Status);
        Assert.Equal("Booked", (await RowsAsync(to)).Single().Status);
    }

    [ContractFact]
    public async Task Reschedule_WhenReleasingTheOldSlotFails_LeavesTheOldBookingIntact()
    {
        var from = TestCatalog.Session(1);
        var host = await StartClusterAsync(configure: services =>
            services.Decorate<ISlotPoolStore>(store => new FailingSlotPoolStore(store, failCommitsOf: from)));
        var patient = await RegisterPatientAsync(host);
        var booked = await BookThroughPatientAsync(host, patient, from, failAfterBooking: true);
        var to = TestCatalog.Session(3);

        await Assert.ThrowsAsync<InjectedStorageFailure>(() =>
            host.Grains.GetGrain<IPatientGrain>(patient).RescheduleAsync(booked.Id, to, TestCatalog.DepartmentId, "move-1", "account:A-test"));

        Assert.Equal("Booked", (await RowsAsync(from)).Single().Status);
        Assert.Equal("Cancelled", (await RowsAsync(to)).Single().Status);
        Assert.Equal(AppointmentStatus.Booked, (await Pool(host.Grains, from).GetAppointmentAsync(booked.Id)).Status);
        Assert.All(await Pool(host.Grains, to).GetSlotsAsync(), slot => Assert.True(slot.Free));
        Assert.Equal(0L, await ScalarAsync<long>("SELECT COUNT(*) FROM refunds"));
    }

    private async Task<AppointmentView> BookAsync(HospitalTestCluster host, string session, string patientId)
    {
        var held = (await Pool(host.Grains, session).HoldSlotAsync(Request(session, patientId))).Appointment!;
        return await Pool(host.Grains, session).ConfirmPaymentAsync(held.Id, $"pay-{patientId}", "account:A-test");
    }

    private static async Task<AppointmentView> BookThroughPatientAsync(HospitalTestCluster host, string patient, string session, bool failAfterBooking = false)
    {
        var held = await host.Grains.GetGrain<IPatientGrain>(patient).BookAsync(
            new BookingRequest(session, TestCatalog.DepartmentId, null, BookingChannel.App, "book-1"));
        var booked = await Pool(host.Grains, session).ConfirmPaymentAsync(held.Appointment!.Id, "pay-1", "account:A-test");
        if (failAfterBooking) FailingSlotPoolStore.Arm(host);
        return booked;
    }

    private async Task<IReadOnlyList<string>> AuditAsync(string appointmentId)
    {
        await using var connection = await Database.ConnectionFactory.OpenConnectionAsync();
        var rows = await connection.QueryAsync<(string?, string)>(
            "SELECT from_status, to_status FROM appointment_audit WHERE appointment_id = @appointmentId ORDER BY id", new { appointmentId });
        return rows.Select(r => $"{r.Item1}->{r.Item2}").ToList();
    }
}

public sealed class SqliteBookingLifecycleContract(SqliteDatabaseFixture fixture) : BookingLifecycleContract(fixture), IClassFixture<SqliteDatabaseFixture>;

[TestSupport.MariaDb.RequiresMariaDb]
public sealed class MariaDbBookingLifecycleContract(MariaDbDatabaseFixture fixture) : BookingLifecycleContract(fixture), IClassFixture<MariaDbDatabaseFixture>;
