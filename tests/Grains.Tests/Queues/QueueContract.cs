using Dapper;
using Hospital.Grains.Abstractions.Errors;
using Hospital.Grains.Abstractions.Queues;
using Hospital.Grains.Catalog;
using Hospital.Grains.Patients;
using Hospital.Grains.Queues;
using Hospital.Grains.Rules;
using Hospital.Grains.SlotPools;
using Hospital.Grains.Tests.SlotPools;
using Hospital.Silo.Hosting;
using Hospital.TestSupport.Contracts;
using Hospital.TestSupport.Databases;
using Hospital.TestSupport.Hospital;
using Microsoft.Extensions.DependencyInjection;
using Orleans;

namespace Hospital.Grains.Tests.Queues;

/// <summary>
/// The visit day against a real database, on each backend. Today's test session starts at 08:00 with 8-minute slots
/// (slot n at 08:00 + 8(n-1) min); the clock starts at 06:30.
/// </summary>
public abstract class QueueContract(TestDatabaseFixture fixture) : SlotPoolContractBase(fixture)
{
    private const string Clerk = "clerk-1";
    private const string Doctor = "doctor-1";

    [ContractFact]
    public async Task CheckIn_OpensSixtyMinutesBeforeTheSlotAndClosesThirtyAfter_LaterIsANoShow()
    {
        var host = await StartClusterAsync();
        var session = TestCatalog.Session(0);
        var first = await BookAsync(host, session, "P-1", 1);   // 08:00
        var second = await BookAsync(host, session, "P-2", 2);  // 08:08
        var third = await BookAsync(host, session, "P-3", 3);   // 08:16

        MoveTo(6, 59);
        var early = await Assert.ThrowsAsync<RuleConflictException>(() => CheckInAsync(host, first));
        MoveTo(7, 0);
        var opened = await CheckInAsync(host, first);
        MoveTo(8, 38);
        var lastMinute = await CheckInAsync(host, second);
        MoveTo(8, 47);
        var late = await Assert.ThrowsAsync<RuleConflictException>(() => CheckInAsync(host, third));

        Assert.Equal(CheckInWindow.TooEarlyCode, early.Code);
        Assert.Equal(AppointmentStatus.CheckedIn, opened.Status);
        Assert.Equal(AppointmentStatus.CheckedIn, lastMinute.Status);
        Assert.Equal(CheckInWindow.TooLateCode, late.Code);
        Assert.Equal(["CheckedIn", "CheckedIn", "NoShow"], (await RowsAsync(session)).OrderBy(r => r.SlotNo).Select(r => r.Status));
    }

    [ContractFact]
    public async Task CheckIn_OnAnotherDay_IsRefusedAndChangesNothing()
    {
        var host = await StartClusterAsync();
        var tomorrow = TestCatalog.Session(1);
        var booked = await BookAsync(host, tomorrow, "P-tomorrow", 1);
        MoveTo(7, 30);

        var refused = await Assert.ThrowsAsync<RuleConflictException>(() => CheckInAsync(host, booked));

        Assert.Equal(SlotPool.WrongDayCode, refused.Code);
        Assert.Equal("Booked", (await RowsAsync(tomorrow)).Single().Status);
    }

    [ContractFact]
    public async Task CheckIn_WithAnotherPatientsVisitCode_IsRefusedAndChangesNothing()
    {
        var host = await StartClusterAsync();
        var session = TestCatalog.Session(0);
        var booked = await BookAsync(host, session, "P-booked", 1);
        var otherCode = (await host.Services.GetRequiredService<VisitCodes>().ShowAsync("P-other")).Code;
        MoveTo(7, 30);

        var refused = await Assert.ThrowsAsync<RuleConflictException>(() => Queue(host, session).CheckInAsync(booked.Id, otherCode, Clerk));

        Assert.Equal(QueueGrain.WrongPatientCode, refused.Code);
        Assert.Equal("Booked", (await RowsAsync(session)).Single().Status);
        Assert.Empty((await Queue(host, session).GetQueueAsync()).Waiting);
    }

    [ContractFact]
    public async Task CheckIn_FromTwoKiosksAtOnce_ChecksInOnce()
    {
        var host = await StartClusterAsync(silos: 2);
        var session = TestCatalog.Session(0);
        var booked = await BookAsync(host, session, "P-twice", 1);
        var code = await CodeAsync(host, "P-twice");
        MoveTo(7, 30);

        var both = await Task.WhenAll(host.Silos.Select(silo => Task.Run(() =>
            silo.Grains.GetGrain<IQueueGrain>(session).CheckInAsync(booked.Id, code, Clerk))));

        Assert.All(both, view => Assert.Equal(AppointmentStatus.CheckedIn, view.Status));
        Assert.Equal(["Held", "Booked", "CheckedIn"], await AuditAsync(booked.Id));
        Assert.Single((await Queue(host, session).GetQueueAsync()).Waiting);
    }

    [ContractFact]
    public async Task Order_LateAfterOnTime_MissedCallBehindTheNextThreeOnce_ThenNoShow_AndItSurvivesARestart()
    {
        var host = await StartClusterAsync();
        var session = TestCatalog.Session(0);
        var slots = new Dictionary<int, AppointmentView>();
        foreach (var slot in new[] { 1, 2, 3, 5, 6 }) slots[slot] = await BookAsync(host, session, $"P-{slot}", slot);
        MoveTo(7, 40);
        await CheckInAsync(host, slots[3]);
        await CheckInAsync(host, slots[1]);
        MoveTo(8, 10); // slot 2 started at 08:08: late; slots 5 (08:32) and 6 (08:40) are on time
        await CheckInAsync(host, slots[2]);
        await CheckInAsync(host, slots[6]);
        await CheckInAsync(host, slots[5]);
        Assert.Equal([1, 3, 5, 6, 2], await WaitingAsync(host, session));

        await Queue(host, session).CallNextAsync(Doctor);
        var afterMiss = await Queue(host, session).SkipAsync(Doctor);
        Assert.Equal([3, 5, 6, 1, 2], afterMiss.Waiting.Select(e => e.SlotNo));
        Assert.True(afterMiss.Waiting[3].MissedOnce);

        await StopClusterAsync(host);
        host = await StartClusterAsync();
        var restored = await Queue(host, session).GetQueueAsync();
        Assert.Equal([3, 5, 6, 1, 2], restored.Waiting.Select(e => e.SlotNo));
        Assert.True(restored.Waiting[3].MissedOnce);

        foreach (var slot in new[] { 3, 5, 6 })
        {
            var called = await Queue(host, session).CallNextAsync(Doctor);
            Assert.Equal(slot, called.Calling!.SlotNo);
            await Queue(host, session).StartVisitAsync(slots[slot].Id, Doctor);
        }
        await Queue(host, session).CallNextAsync(Doctor);
        var secondMiss = await Queue(host, session).SkipAsync(Doctor);

        Assert.Equal([2], secondMiss.Waiting.Select(e => e.SlotNo));
        Assert.Equal(["Held", "Booked", "CheckedIn", "NoShow"], await AuditAsync(slots[1].Id));
        Assert.Equal(Doctor, await ScalarAsync<string>(
            "SELECT actor FROM appointment_audit WHERE appointment_id = @Id AND to_status = 'NoShow'", new { slots[1].Id }));
    }

    [ContractFact]
    public async Task CallNext_WhileACalledPatientHasNotStarted_IsRefused()
    {
        var host = await StartClusterAsync();
        var session = TestCatalog.Session(0);
        await CheckInAsync(host, await BookAsync(host, session, "P-a", 1), at: (7, 10));
        await CheckInAsync(host, await BookAsync(host, session, "P-b", 2));

        await Queue(host, session).CallNextAsync(Doctor);
        var refused = await Assert.ThrowsAsync<RuleConflictException>(() => Queue(host, session).CallNextAsync(Doctor));
        var recalled = await Queue(host, session).RecallAsync(Doctor);

        Assert.Equal(QueueGrain.CallPendingCode, refused.Code);
        Assert.Equal(1, recalled.Calling!.SlotNo);
        Assert.Equal([2], recalled.Waiting.Select(e => e.SlotNo));
    }

    [ContractFact]
    public async Task StartAndComplete_MoveTheVisitDurablyWithTheDoctorAsActor()
    {
        var host = await StartClusterAsync();
        var session = TestCatalog.Session(0);
        var booked = await BookAsync(host, session, "P-visit", 1);
        await CheckInAsync(host, booked, at: (7, 50));
        await Queue(host, session).CallNextAsync(Doctor);

        var started = await Queue(host, session).StartVisitAsync(booked.Id, Doctor);
        var during = await Queue(host, session).GetQueueAsync();
        var completed = await Queue(host, session).CompleteVisitAsync(booked.Id, Doctor);
        var tooSoon = await Assert.ThrowsAsync<RuleConflictException>(() => Queue(host, session).StartVisitAsync(booked.Id, Doctor));

        Assert.Equal(AppointmentStatus.InVisit, started.Status);
        Assert.Null(during.Calling);
        Assert.Equal(booked.Id, Assert.Single(during.InVisit).AppointmentId);
        Assert.Equal(AppointmentStatus.Completed, completed.Status);
        Assert.Equal(AppointmentLifecycle.InvalidTransitionCode, tooSoon.Code);
        Assert.Equal(["Held", "Booked", "CheckedIn", "InVisit", "Completed"], await AuditAsync(booked.Id));
        Assert.Equal(2L, await ScalarAsync<long>(
            "SELECT COUNT(*) FROM appointment_audit WHERE appointment_id = @Id AND actor = @Doctor", new { booked.Id, Doctor }));
    }

    [ContractFact]
    public async Task NoShows_AfterTheSessionsEnd_AreMarkedAutomatically_EvenAfterARestart()
    {
        var host = await StartClusterAsync();
        var session = TestCatalog.Session(0); // last slot 30 at 11:52, its check-in closes 12:22
        var came = await BookAsync(host, session, "P-came", 1);
        await BookAsync(host, session, "P-absent", 2);
        await CheckInAsync(host, came, at: (7, 30));
        MoveTo(12, 21);
        await host.Services.GetRequiredService<NoShowSweep>().SweepAsync();
        Assert.Equal(["CheckedIn", "Booked"], (await RowsAsync(session)).OrderBy(r => r.SlotNo).Select(r => r.Status));

        await StopClusterAsync(host);
        MoveTo(13, 0);
        await StartClusterAsync();

        var rows = await Eventually.ReturnsAsync(() => RowsAsync(session), r => r.Any(a => a.Status == "NoShow"));
        Assert.Equal(["CheckedIn", "NoShow"], rows.OrderBy(r => r.SlotNo).Select(r => r.Status));
    }

    [ContractFact]
    public async Task PlaceAddOn_PutsTheDoctorsAddOnWhereTheDoctorSays_AndOnlyAddOns()
    {
        var host = await StartClusterAsync();
        var session = TestCatalog.Session(0, TestCatalog.SharedDoctor);
        var regular = await BookAsync(host, session, "P-regular", null);
        var addOn = await BookAsync(host, session, "P-add-on", null, BookingChannel.DoctorAddOn);
        await CheckInAsync(host, regular, at: (7, 30));
        var addOnWindow = addOn.SlotTime.AddMinutes(-30);
        if (addOnWindow > Clock.GetUtcNow()) Clock.SetUtcNow(addOnWindow);
        await CheckInAsync(host, addOn);

        var placed = await Queue(host, session).PlaceAddOnAsync(addOn.Id, 1, Doctor);
        var refused = await Assert.ThrowsAsync<RuleConflictException>(() => Queue(host, session).PlaceAddOnAsync(regular.Id, 1, Doctor));

        Assert.Equal([addOn.Id, regular.Id], placed.Waiting.Select(e => e.AppointmentId));
        Assert.Equal(QueueGrain.NotAddOnCode, refused.Code);
    }

    [ContractFact]
    public async Task VisitCodeBookings_FindTodaysBookingOfTheCode_TheOneWhoseWindowIsOpen()
    {
        var host = await StartClusterAsync();
        var later = await BookAsync(host, TestCatalog.Session(0), "P-two", 20); // 10:32
        var sooner = await BookAsync(host, TestCatalog.Session(0, TestCatalog.SharedDoctor), "P-two", null);
        await BookAsync(host, TestCatalog.Session(0), "P-else", 1);
        var code = await CodeAsync(host, "P-two");
        await CodeAsync(host, "P-else");
        MoveTo(7, 30);
        var bookings = host.Services.GetRequiredService<VisitCodeBookings>();

        var found = await Eventually.ReturnsAsync(() => bookings.FindTodayAsync(code), b => b is not null);
        MoveTo(10, 0);
        var afterwards = await bookings.FindTodayAsync(code);
        var nobody = await bookings.FindTodayAsync(code == "AAAAAAAA" ? "BBBBBBBB" : "AAAAAAAA");

        Assert.True(sooner.SlotTime < new DateTimeOffset(2026, 11, 23, 8, 30, 0, TimeSpan.FromHours(8)));
        Assert.Equal(sooner.Id, found!.AppointmentId);
        Assert.Equal(later.Id, afterwards!.AppointmentId);
        Assert.Null(nobody);
    }

    [ContractFact]
    public async Task BoardsOnEveryNode_ShowEachChange_WhicheverNodeTheQueueLivesOn()
    {
        var cluster = await StartClusterAsync(silos: 2);
        var session = TestCatalog.Session(0);
        var booked = await BookAsync(cluster, session, "P-1", 1);
        var boards = cluster.Silos.Select(silo => silo.Services.GetRequiredService<QueueBoard>()).ToList();
        var listeners = new List<QueueBoardSubscription>();
        foreach (var silo in cluster.Silos)
        {
            listeners.Add(silo.Services.GetRequiredService<QueueBoard>().Subscribe(session));
            await silo.Services.GetRequiredService<QueueBoardRelay>().WatchAsync(session); // as each node's first listener does
        }

        await CheckInAsync(cluster, booked, at: (7, 30));
        var shown = await Task.WhenAll(boards.Select(board => Eventually.ReturnsAsync(
            () => Task.FromResult(board.Find(session)), snapshot => snapshot?.WaitingOrder.Contains(booked.Id) == true)));

        Assert.All(shown, snapshot => Assert.Equal([booked.Id], snapshot!.WaitingOrder));
        listeners.ForEach(listener => listener.Dispose());
    }

    private static IQueueGrain Queue(HospitalTestCluster host, string session) => host.Grains.GetGrain<IQueueGrain>(session);

    private void MoveTo(int hour, int minute) =>
        Clock.SetUtcNow(HospitalTime.China.At(TestCatalog.Today, new TimeOnly(hour, minute)));

    private async Task<AppointmentView> BookAsync(HospitalTestCluster host, string session, string patientId, int? slotNo,
        BookingChannel channel = BookingChannel.App)
    {
        var held = (await Pool(host.Grains, session).HoldSlotAsync(Request(session, patientId, slotNo, channel))).Appointment!;
        return await Pool(host.Grains, session).ConfirmPaymentAsync(held.Id, $"pay-{held.Id}", "account:A-test");
    }

    private static async Task<string> CodeAsync(HospitalTestCluster host, string patientId) =>
        (await host.Services.GetRequiredService<VisitCodes>().ShowAsync(patientId)).Code;

    private async Task<AppointmentView> CheckInAsync(HospitalTestCluster host, AppointmentView booked, (int Hour, int Minute)? at = null)
    {
        if (at is { } time) MoveTo(time.Hour, time.Minute);
        return await Queue(host, booked.SessionId).CheckInAsync(booked.Id, await CodeAsync(host, booked.PatientId), Clerk);
    }

    private static async Task<IReadOnlyList<int>> WaitingAsync(HospitalTestCluster host, string session) =>
        [.. (await Queue(host, session).GetQueueAsync()).Waiting.Select(e => e.SlotNo)];

    private async Task<IReadOnlyList<string>> AuditAsync(string appointmentId)
    {
        await using var connection = await Database.ConnectionFactory.OpenConnectionAsync();
        return [.. await connection.QueryAsync<string>(
            "SELECT to_status FROM appointment_audit WHERE appointment_id = @appointmentId ORDER BY id", new { appointmentId })];
    }
}

public sealed class SqliteQueueContract(SqliteDatabaseFixture fixture) : QueueContract(fixture), IClassFixture<SqliteDatabaseFixture>;

[TestSupport.MariaDb.RequiresMariaDb]
public sealed class MariaDbQueueContract(MariaDbDatabaseFixture fixture) : QueueContract(fixture), IClassFixture<MariaDbDatabaseFixture>;
